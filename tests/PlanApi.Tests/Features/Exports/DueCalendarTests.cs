using System.Net;
using Ical.Net;
using Ical.Net.CalendarComponents;
using PlanApi.Tests.Features.Plans;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Exports.ExportRequests;
using static PlanApi.Tests.Features.Plans.PlanRequests;

namespace PlanApi.Tests.Features.Exports;

/// <summary>
/// The iCalendar feeds of due dates, parsed back with Ical.Net. Plans made here involve Vĩnh Thạnh and Cờ Đỏ only, so
/// the seeded plan's and Sở GD&amp;ĐT's calendars stay as seeded.
/// </summary>
public sealed class DueCalendarTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _client = api.CreateAnonymousClient();
    private readonly HttpClient _admin = api.CreateClient();

    private static Calendar Parse(string text) => Calendar.Load(text) ?? throw new InvalidOperationException("Not a calendar.");

    [Fact]
    public async Task Plan_calendar_has_an_all_day_event_per_item_over_its_due_window()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var calendar = Parse(await _client.GetCalendarAsync(PlanIcsUrl(planId)));

        Assert.Equal(32, calendar.Events.Count);
        Assert.Equal("244/KH-UBND · Triển khai công tác thi đua, khen thưởng năm 2023", calendar.Properties["X-WR-CALNAME"]!.Value);
        var item6 = calendar.Events.Single(e => e.Uid == $"{planId}-6@planapi");
        Assert.True(item6.IsAllDay);
        Assert.False(item6.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2023, 2, 1), item6.DtStart.Date);
        Assert.Equal(new DateOnly(2023, 2, 11), item6.DtEnd!.Date);
        Assert.StartsWith("244/KH-UBND · TT 6: Tổ chức họp Hội đồng TĐKT (Phiên thứ nhất)", item6.Summary);
        Assert.EndsWith("…", item6.Summary);
        Assert.Contains("Chủ trì (lead): Ban Thi đua - Khen thưởng thành phố Cần Thơ", item6.Description);
        Assert.Contains("Trạng thái (status): not_started, 0%, quá hạn 33 ngày", item6.Description);
        Assert.Equal("TRANSPARENT", item6.Transparency);
        // No due phrase: the window is the item's quarter.
        var item1 = calendar.Events.Single(e => e.Uid == $"{planId}-1@planapi");
        Assert.Equal((new DateOnly(2023, 1, 1), new DateOnly(2023, 4, 1)), (item1.DtStart!.Date, item1.DtEnd!.Date));
        var item30 = calendar.Events.Single(e => e.Uid == $"{planId}-30@planapi");
        Assert.Contains("năm 2018 của Ủy ban nhân dân thành phố Cần Thơ", item30.Description);
    }

    [Fact]
    public async Task UIDs_are_stable_and_unique_and_the_feed_is_byte_stable()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var first = await _client.GetCalendarAsync(PlanIcsUrl(planId));
        var second = await _client.GetCalendarAsync(PlanIcsUrl(planId));

        var uids = Parse(first).Events.Select(e => e.Uid).ToList();
        Assert.Equal(Enumerable.Range(1, 32).Select(o => $"{planId}-{o}@planapi"), uids);
        Assert.Equal(uids, Parse(second).Events.Select(e => e.Uid));
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Agency_calendar_of_the_education_department_is_item_19()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var calendar = Parse(await _client.GetCalendarAsync(AgencyIcsUrl("so-gddt-can-tho")));

        var only = Assert.Single(calendar.Events);
        Assert.Equal($"{planId}-19@planapi", only.Uid);
        Assert.Equal((new DateOnly(2023, 7, 1), new DateOnly(2023, 8, 1)), (only.DtStart!.Date, only.DtEnd!.Date));
        Assert.StartsWith("244/KH-UBND · TT 19: Khen thưởng, tôn vinh", only.Summary);
        Assert.Contains("Phối hợp (co-operating): Ban Thi đua - Khen thưởng thành phố Cần Thơ", only.Description);
        Assert.Contains("Sở Giáo dục và Đào tạo", calendar.Properties["X-WR-CALNAME"]!.Value?.ToString());
    }

    [Fact]
    public async Task Agency_calendar_has_co_operated_items_and_drafts_only_when_asked_with_credentials()
    {
        var published = await _admin.CreatePlanIdAsync(PlanBody(UniqueNumber(), year: 2023, lifecycle: "published"));
        await _admin.CreateItemAsync(published, ItemBody(1, quarter: 2, lead: "co-do", coordinators: ["vinh-thanh"], due: Due(2023, 5, "mid"), dueText: "giữa tháng 5/2023"));
        var draft = await _admin.CreatePlanIdAsync(PlanBody(UniqueNumber(), year: 2023));
        await _admin.CreateItemAsync(draft, ItemBody(1, quarter: 3, lead: "vinh-thanh"));

        var anonymous = Parse(await _client.GetCalendarAsync(AgencyIcsUrl("vinh-thanh", "?includeDrafts=true")));
        var admin = Parse(await _admin.GetCalendarAsync(AgencyIcsUrl("vinh-thanh")));
        var adminWithDrafts = Parse(await _admin.GetCalendarAsync(AgencyIcsUrl("vinh-thanh", "?includeDrafts=true")));

        Assert.Equal([$"{published}-1@planapi"], anonymous.Events.Select(e => e.Uid));
        Assert.Equal([$"{published}-1@planapi"], admin.Events.Select(e => e.Uid));
        Assert.Equal([$"{published}-1@planapi", $"{draft}-1@planapi"], adminWithDrafts.Events.Select(e => e.Uid));
        var mid = anonymous.Events.Single();
        Assert.Equal((new DateOnly(2023, 5, 11), new DateOnly(2023, 5, 21)), (mid.DtStart!.Date, mid.DtEnd!.Date));
    }

    [Theory]
    [InlineData("monthly", null, null)]
    [InlineData("monthly", null, 20)]
    [InlineData("monthly", null, 30)]
    [InlineData("quarterly", null, null)]
    [InlineData("half_yearly", null, null)]
    [InlineData("yearly", 5, null)]
    [InlineData("yearly", 11, 15)]
    [InlineData("yearly", null, null)]
    public async Task A_recurring_item_is_one_event_repeated_on_each_occurrences_due_day(string frequency, int? month, int? day)
    {
        var planId = await _admin.CreatePlanIdAsync(PlanBody(UniqueNumber(), year: 2024, lifecycle: "published"));
        var due = new System.Text.Json.Nodes.JsonObject
        {
            ["kind"] = "recurring", ["recurrence"] = new System.Text.Json.Nodes.JsonObject { ["frequency"] = frequency, ["month"] = month, ["day"] = day },
        };
        await _admin.CreateItemAsync(planId, ItemBody(1, quarter: 4, lead: "co-do", due: due, dueText: "định kỳ"));

        var calendarEvent = Assert.Single(Parse(await _client.GetCalendarAsync(PlanIcsUrl(planId))).Events);

        Assert.NotNull(calendarEvent.RecurrenceRule);
        var every = new PlanApi.Domain.DueRecurrence(
            PlanApi.Common.EnumNames<PlanApi.Domain.DueFrequency>.TryParse(frequency, out var f) ? f : throw new ArgumentException(frequency), month, day);
        var expected = PlanApi.Domain.DueOccurrences.Of(every, 2024).Select(o => o.Due).ToList();
        var days = calendarEvent.GetOccurrences().Select(o => DateOnly.FromDateTime(o.Period.StartTime.Value)).ToList();
        Assert.Equal(expected, days);
        Assert.Contains("định kỳ (recurring)", calendarEvent.Description);
    }

    [Fact]
    public async Task A_cancelled_item_is_a_cancelled_event()
    {
        var planId = await _admin.CreatePlanIdAsync(PlanBody(UniqueNumber(), year: 2023, lifecycle: "published"));
        await _admin.CreateItemAsync(planId, ItemBody(1, quarter: 2, lead: "co-do"));
        await api.StoreReportAsync(planId, 1, "co-do", PlanApi.Domain.ItemStatus.Cancelled, 0);

        var calendar = Parse(await _client.GetCalendarAsync(PlanIcsUrl(planId)));

        Assert.Equal("CANCELLED", Assert.Single(calendar.Events).Status);
    }

    [Fact]
    public async Task Calendars_are_inline_and_unknown_agencies_are_404()
    {
        using var response = await _client.GetAsync(AgencyIcsUrl("so-gddt-can-tho"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("inline", "so-gddt-can-tho-calendar.ics"),
            (response.Content.Headers.ContentDisposition?.DispositionType, response.Content.Headers.ContentDisposition?.FileName));

        await (await _client.GetAsync(AgencyIcsUrl("no-such-agency"))).ProblemAsync(HttpStatusCode.NotFound);
    }
}
