using System.Net;
using System.Text.Json.Nodes;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.ProgressReports.ProgressReportRequests;

namespace PlanApi.Tests.Features.ProgressReports;

/// <summary>Overdue as the clock moves (Asia/Ho_Chi_Minh dates).</summary>
/// <remarks>
/// This class owns its factory's clock: every test sets the date it needs first, and no test here writes, so the
/// seeded plan is as the document has it whatever the order. Reports that change overdue are in
/// <see cref="OverdueAfterReportsTests"/>.
/// </remarks>
public sealed class OverdueTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task On_15_March_2023_items_6_7_and_9_are_overdue()
    {
        api.SetToday(new DateOnly(2023, 3, 15));
        var planId = await SeededPlan.IdAsync(_client);
        Assert.Equal([6, 7, 9], await _client.OverdueOrdinalsAsync(planId));

        var item6 = await _client.ItemAsync(planId, 6);
        Assert.True(item6["overdue"]!.GetValue<bool>());
        Assert.Equal(33, item6["daysOverdue"]!.GetValue<int>());
        var item7 = await _client.ItemAsync(planId, 7);
        Assert.Equal(15, item7["daysOverdue"]!.GetValue<int>());
        var item10 = await _client.ItemAsync(planId, 10);
        Assert.False(item10["overdue"]!.GetValue<bool>());
        Assert.Equal(0, item10["daysOverdue"]!.GetValue<int>());
    }

    [Fact]
    public async Task On_15_March_the_not_overdue_filter_is_the_other_29_items()
    {
        api.SetToday(new DateOnly(2023, 3, 15));
        var planId = await SeededPlan.IdAsync(_client);
        var page = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items?overdue=false&limit=100");
        var ordinals = page["items"]!.AsArray().Select(i => i!["ordinal"]!.GetValue<int>()).ToList();
        Assert.Equal(Enumerable.Range(1, 32).Except([6, 7, 9]), ordinals);
        Assert.All(page["items"]!.AsArray(), i => Assert.False(i!["overdue"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task On_1_April_2023_the_first_quarter_items_1_to_10_are_overdue()
    {
        api.SetToday(new DateOnly(2023, 4, 1));
        var planId = await SeededPlan.IdAsync(_client);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], await _client.OverdueOrdinalsAsync(planId));
        Assert.Equal(1, (await _client.ItemAsync(planId, 1))["daysOverdue"]!.GetValue<int>());
    }

    [Fact]
    public async Task On_31_March_2023_end_of_quarter_items_are_not_yet_overdue()
    {
        api.SetToday(new DateOnly(2023, 3, 31));
        var planId = await SeededPlan.IdAsync(_client);
        Assert.Equal([6, 7, 9], await _client.OverdueOrdinalsAsync(planId));
    }

    [Fact]
    public async Task Item_6_is_not_overdue_on_10_February_and_is_on_11_February()
    {
        var planId = await SeededPlan.IdAsync(_client);

        api.SetToday(new DateOnly(2023, 2, 10));
        var onLastDay = await _client.ItemAsync(planId, 6);
        Assert.False(onLastDay["overdue"]!.GetValue<bool>());
        Assert.Equal(0, onLastDay["daysOverdue"]!.GetValue<int>());
        Assert.DoesNotContain(6, await _client.OverdueOrdinalsAsync(planId));

        api.SetToday(new DateOnly(2023, 2, 11));
        var dayAfter = await _client.ItemAsync(planId, 6);
        Assert.True(dayAfter["overdue"]!.GetValue<bool>());
        Assert.Equal(1, dayAfter["daysOverdue"]!.GetValue<int>());
        Assert.Contains(6, await _client.OverdueOrdinalsAsync(planId));
    }

    [Fact]
    public async Task Day_changes_at_midnight_in_Viet_Nam_not_UTC()
    {
        var planId = await SeededPlan.IdAsync(_client);
        // 23:59 on 10 February in Việt Nam is 16:59 UTC: still the last day of item 6's window.
        api.Clock.AdjustTime(new DateTimeOffset(2023, 2, 10, 16, 59, 0, TimeSpan.Zero));
        Assert.False((await _client.ItemAsync(planId, 6))["overdue"]!.GetValue<bool>());
        // 00:00 on 11 February in Việt Nam is 17:00 UTC on 10 February.
        api.Clock.AdjustTime(new DateTimeOffset(2023, 2, 10, 17, 0, 0, TimeSpan.Zero));
        Assert.True((await _client.ItemAsync(planId, 6))["overdue"]!.GetValue<bool>());
        Assert.Contains(6, await _client.OverdueOrdinalsAsync(planId));
    }
}
