using System.Net;
using System.Text.Json.Nodes;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.ProgressReports.ProgressReportRequests;

namespace PlanApi.Tests.Features.ProgressReports;

/// <summary>How reports change overdue and completed-late, as the clock moves.</summary>
/// <remarks>
/// This class owns its factory's clock: every test sets the date it needs first. Each test reports on its own items
/// and asserts only about those (and item 9, which no test here reports on), so the order of the tests does not matter.
/// </remarks>
public sealed class OverdueAfterReportsTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task Completing_an_overdue_item_removes_it_from_the_overdue_list_and_it_is_completed_late()
    {
        var planId = await SeededPlan.IdAsync(_client);
        api.SetToday(new DateOnly(2023, 3, 15));
        // Item 7 (due late February) is reported on by this test only.
        Assert.Contains(7, await _client.OverdueOrdinalsAsync(planId));

        await _client.PostReportAsync(planId, 7, Body("completed", 100));

        var item = await _client.ItemAsync(planId, 7);
        Assert.Equal("completed", item["status"]!.GetValue<string>());
        Assert.Equal("2023-03-15", item["completedOn"]!.GetValue<string>());
        Assert.False(item["overdue"]!.GetValue<bool>());
        Assert.Equal(0, item["daysOverdue"]!.GetValue<int>());
        Assert.True(item["completedLate"]!.GetValue<bool>());
        var overdue = await _client.OverdueOrdinalsAsync(planId);
        Assert.DoesNotContain(7, overdue);
        Assert.Contains(9, overdue);
    }

    [Fact]
    public async Task Item_completed_within_its_window_is_not_late_and_never_becomes_overdue()
    {
        var planId = await SeededPlan.IdAsync(_client);
        api.SetToday(new DateOnly(2023, 4, 10));
        Assert.Contains(11, (await _client.GetJsonAsync($"/api/v1/plans/{planId}/items?quarter=2&limit=100"))["items"]!.AsArray()
            .Select(i => i!["ordinal"]!.GetValue<int>()));
        await _client.PostReportAsync(planId, 11, Body("completed", 100));

        api.SetToday(new DateOnly(2023, 6, 1));
        var item = await _client.ItemAsync(planId, 11);
        Assert.Equal("2023-04-10", item["completedOn"]!.GetValue<string>());
        Assert.False(item["completedLate"]!.GetValue<bool>());
        Assert.False(item["overdue"]!.GetValue<bool>());
        Assert.DoesNotContain(11, await _client.OverdueOrdinalsAsync(planId));
    }

    [Fact]
    public async Task Posting_completed_on_item_6_removes_it_from_the_overdue_list()
    {
        var planId = await SeededPlan.IdAsync(_client);
        api.SetToday(new DateOnly(2023, 3, 16));
        var before = await _client.OverdueOrdinalsAsync(planId);
        Assert.Contains(6, before);
        Assert.Contains(9, before);

        await _client.PostReportAsync(planId, 6, Body("completed", 100));

        var item = await _client.ItemAsync(planId, 6);
        Assert.Equal("completed", item["status"]!.GetValue<string>());
        Assert.Equal("2023-03-16", item["completedOn"]!.GetValue<string>());
        Assert.True(item["completedLate"]!.GetValue<bool>());
        Assert.False(item["overdue"]!.GetValue<bool>());
        Assert.Equal(before.Where(o => o != 6), await _client.OverdueOrdinalsAsync(planId));
    }

    [Fact]
    public async Task Postponed_item_stays_overdue_and_cancelled_item_does_not()
    {
        var planId = await SeededPlan.IdAsync(_client);
        api.SetToday(new DateOnly(2023, 7, 5));
        await _client.PostReportAsync(planId, 12, Body("postponed", 20));
        await _client.PostReportAsync(planId, 13, Body("cancelled", 0));

        var postponed = await _client.ItemAsync(planId, 12);
        Assert.Equal("postponed", postponed["status"]!.GetValue<string>());
        Assert.True(postponed["overdue"]!.GetValue<bool>());
        Assert.Equal(66, postponed["daysOverdue"]!.GetValue<int>());
        var cancelled = await _client.ItemAsync(planId, 13);
        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
        Assert.False(cancelled["overdue"]!.GetValue<bool>());
        Assert.False(cancelled["completedLate"]!.GetValue<bool>());
        var overdue = await _client.OverdueOrdinalsAsync(planId);
        Assert.Contains(12, overdue);
        Assert.DoesNotContain(13, overdue);
    }

    [Fact]
    public async Task Reports_at_distinct_times_are_listed_newest_first_and_the_newest_sets_the_status()
    {
        var planId = await SeededPlan.IdAsync(_client);
        api.SetToday(new DateOnly(2023, 5, 2));
        var first = await _client.PostReportAsync(planId, 17, Body("in_progress", 20));
        api.Clock.Advance(TimeSpan.FromHours(30));
        var second = await _client.PostReportAsync(planId, 17, Body("completed", 100));
        api.Clock.Advance(TimeSpan.FromMinutes(5));
        var third = await _client.PostReportAsync(planId, 17, Body("in_progress", 90));

        Assert.Equal(new DateTimeOffset(2023, 5, 3, 15, 5, 0, TimeSpan.FromHours(7)), third["reportedAt"]!.GetValue<DateTimeOffset>());
        var list = await _client.ListAsync(planId, 17);
        Assert.Equal(
            new[] { third, second, first }.Select(r => r["id"]!.GetValue<string>()),
            list["items"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        var item = await _client.ItemAsync(planId, 17);
        Assert.Equal("in_progress", item["status"]!.GetValue<string>());
        Assert.Equal(90, item["percentComplete"]!.GetValue<int>());
        Assert.Null(item["completedOn"]);
        Assert.Equal(third["reportedAt"]!.GetValue<DateTimeOffset>(), item["lastReportedAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Completion_date_is_the_date_in_Viet_Nam_when_the_report_is_accepted()
    {
        var planId = await SeededPlan.IdAsync(_client);
        // 23:30 on 31 March in Việt Nam (16:30 UTC): the last day of item 5's window (end of quarter 1).
        api.Clock.AdjustTime(new DateTimeOffset(2023, 3, 31, 16, 30, 0, TimeSpan.Zero));
        await _client.PostReportAsync(planId, 5, Body("completed", 100));
        // 00:30 on 1 April in Việt Nam (17:30 UTC on 31 March): the day after item 8's window.
        api.Clock.AdjustTime(new DateTimeOffset(2023, 3, 31, 17, 30, 0, TimeSpan.Zero));
        await _client.PostReportAsync(planId, 8, Body("completed", 100));

        var onTime = await _client.ItemAsync(planId, 5);
        Assert.Equal("2023-03-31", onTime["due"]!["end"]!.GetValue<string>());
        Assert.Equal("2023-03-31", onTime["completedOn"]!.GetValue<string>());
        Assert.False(onTime["completedLate"]!.GetValue<bool>());
        var late = await _client.ItemAsync(planId, 8);
        Assert.Equal("2023-03-31", late["due"]!["end"]!.GetValue<string>());
        Assert.Equal("2023-04-01", late["completedOn"]!.GetValue<string>());
        Assert.True(late["completedLate"]!.GetValue<bool>());
    }
}
