using System.Globalization;
using PlanApi.Domain;

namespace PlanApi.Features.Exports;

/// <summary>
/// The RRULE (RFC 5545) of a recurring deadline, as all-day events on each occurrence's due day up to the end of the
/// plan's year: the same days as <see cref="DueOccurrences"/>.
/// </summary>
internal static class RecurrenceRule
{
    public static string Of(DueRecurrence every, DateOnly until)
    {
        var rule = every.Frequency switch
        {
            DueFrequency.Weekly => "FREQ=WEEKLY;BYDAY=SU",
            DueFrequency.Monthly => "FREQ=MONTHLY;" + MonthDay(every.Day),
            DueFrequency.Quarterly => "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1",
            DueFrequency.HalfYearly => "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1",
            _ when every.Month is { } month => string.Create(CultureInfo.InvariantCulture, $"FREQ=YEARLY;BYMONTH={month};") + MonthDay(every.Day),
            _ => "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31",
        };
        return rule + string.Create(CultureInfo.InvariantCulture, $";UNTIL={until:yyyyMMdd}");
    }

    /// <summary>
    /// A written day past a month's end is the month's last day; RFC 5545 skips such months instead, so day 29–31 is
    /// the last of the days from 28 to it that the month has.
    /// </summary>
    private static string MonthDay(int? day) => day switch
    {
        null or 31 => "BYMONTHDAY=-1",
        <= 28 => string.Create(CultureInfo.InvariantCulture, $"BYMONTHDAY={day}"),
        _ => "BYMONTHDAY=" + string.Join(',', Enumerable.Range(28, day.Value - 27).Select(d => d.ToString(CultureInfo.InvariantCulture))) + ";BYSETPOS=-1",
    };
}
