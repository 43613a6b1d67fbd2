using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using PlanApi.Common;
using PlanApi.Domain;
using PlanApi.Features.Items;
using CultureInfo = System.Globalization.CultureInfo;

namespace PlanApi.Features.Exports;

/// <summary>
/// Items' due windows as an iCalendar feed (RFC 5545), written by Ical.Net: one all-day event per item from the first day
/// of its due window to the day after its last (DTEND is exclusive); a recurring item is one all-day event on its first
/// occurrence's due day, repeated by an RRULE until the end of the plan's year. The UID depends only on the plan and
/// the ordinal, so a subscribed calendar updates an event in place instead of duplicating it.
/// </summary>
internal static class DueCalendar
{
    public const string MediaType = "text/calendar";
    private const int SummaryContentLength = 80;

    /// <summary>How often subscribers should poll: statuses change with progress reports, not by the minute.</summary>
    private const string RefreshInterval = "PT6H";

    public static string ForPlan(PlanExport export) => Write(
        $"{export.Plan.Number} · {export.Plan.Title}",
        $"Thời hạn các nhiệm vụ của Kế hoạch {export.Plan.Number} (due dates of the plan's tasks)", export.Items);

    public static string ForAgency(AgencyCalendarExport export) => Write(
        $"{export.Agency.ShortName ?? export.Agency.Name} · nhiệm vụ (tasks)",
        $"Thời hạn các nhiệm vụ {export.Agency.Name} chủ trì hoặc phối hợp (due dates of the tasks it leads or co-operates on)",
        export.Items);

    private static string Write(string name, string description, IEnumerable<PlanItemDto> items)
    {
        var calendar = new Calendar { Method = CalendarMethods.Publish, ProductId = "-//PlanApi//Plan due dates//VI" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-CALDESC", description);
        calendar.AddProperty("X-PUBLISHED-TTL", RefreshInterval);
        var refresh = new CalendarProperty("REFRESH-INTERVAL", RefreshInterval);
        refresh.AddParameter("VALUE", "DURATION");
        calendar.AddProperty(refresh);
        foreach (var item in items) calendar.Events.Add(Event(item));
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent Event(PlanItemDto item)
    {
        // DTSTAMP is when the information last changed, not when the feed was written: the feed stays byte-stable.
        var changed = item.LastReportedAt is { } reported && reported > item.UpdatedAt ? reported : item.UpdatedAt;
        var stamp = new CalDateTime(changed.UtcDateTime, CalDateTime.UtcTzId);
        var first = item.Due.Recurrence is { } every ? DueOccurrences.Of(every, item.Due.Start.Year)[0].Due : (DateOnly?)null;
        var calendarEvent = new CalendarEvent
        {
            Uid = $"{item.PlanId}-{item.Ordinal}@planapi",
            DtStamp = stamp,
            LastModified = stamp,
            DtStart = new CalDateTime(first ?? item.Due.Start),
            DtEnd = new CalDateTime((first ?? item.Due.End).AddDays(1)),
            Summary = $"{item.PlanNumber} · TT {item.Ordinal}: {Shorten(item.Content)}",
            Description = Description(item),
            // A due window is a deadline, not a meeting: it must not show the agency busy for a month.
            Transparency = TransparencyType.Transparent,
            Status = item.Status == ItemStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        };
        if (item.Due.Recurrence is { } recurrence) calendarEvent.RecurrenceRule = new RecurrencePattern(RecurrenceRule.Of(recurrence, item.Due.End));
        return calendarEvent;
    }

    private static string Description(PlanItemDto item)
    {
        var text = new StringBuilder(item.Content).Append("\n\n");
        text.Append("Chủ trì (lead): ").Append(item.Lead.Name).Append('\n');
        var coordinators = item.Coordinators.Select(c => c.Name).ToList();
        if (item.AndRelatedAgencies) coordinators.Add("các cơ quan liên quan (related agencies)");
        if (coordinators.Count > 0) text.Append("Phối hợp (co-operating): ").Append(string.Join("; ", coordinators)).Append('\n');
        text.Append("Thời hạn (due): ").Append(item.Due.Text ?? $"hết quý {Roman(item.Quarter)} (end of Q{item.Quarter})")
            .Append(item.Due.Kind is DueKind.Ongoing ? " – thường xuyên (ongoing)" : item.Due.Kind is DueKind.Recurring ? " – định kỳ (recurring)" : "")
            .Append(CultureInfo.InvariantCulture, $" ({item.Due.Start:yyyy-MM-dd} – {item.Due.End:yyyy-MM-dd})\n");
        text.Append("Trạng thái (status): ").Append(EnumNames<ItemStatus>.ToName(item.Status)).Append(CultureInfo.InvariantCulture, $", {item.PercentComplete}%");
        if (item.Overdue) text.Append(CultureInfo.InvariantCulture, $", quá hạn {item.DaysOverdue} ngày (overdue by {item.DaysOverdue} days)");
        if (item.CompletedOn is { } done) text.Append(CultureInfo.InvariantCulture, $", hoàn thành {done:yyyy-MM-dd} (completed)");
        return text.ToString();
    }

    /// <summary>Quarters are written QUÝ I–IV in plans.</summary>
    private static string Roman(int quarter) => RomanQuarters[quarter - 1];

    private static readonly string[] RomanQuarters = ["I", "II", "III", "IV"];

    /// <summary>Calendar apps show a line or two: the content up to a word boundary, whitespace collapsed.</summary>
    private static string Shorten(string content)
    {
        var flat = string.Join(' ', content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= SummaryContentLength) return flat;
        var cut = flat.LastIndexOf(' ', SummaryContentLength);
        return flat[..(cut > SummaryContentLength / 2 ? cut : SummaryContentLength)].TrimEnd(',', ';', ':', ' ') + "…";
    }
}
