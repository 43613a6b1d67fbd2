using System.Net;
using PlanApi.Tests.Features.Plans;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Plans.PlanRequests;

namespace PlanApi.Tests.Features.Items;

/// <summary>
/// Overdue items as the fake clock moves. The clock only moves forward, so this class owns its factory and walks the
/// calendar in one test.
/// </summary>
public sealed class PlanItemOverdueTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task Items_become_overdue_at_midnight_in_Viet_Nam_not_in_UTC_and_completed_ones_never_do()
    {
        var seeded = await SeededPlan.IdAsync(_client);
        var planId = await _client.CreatePlanIdAsync(PlanBody(UniqueNumber(), year: 2023, issuedOn: "2022-12-01", lifecycle: "published"));
        await _client.CreateItemAsync(planId, ItemBody(1, quarter: 1));
        await _client.CreateItemAsync(planId, ItemBody(2, quarter: 1));
        await api.StoreReportAsync(planId, 2, "ban-tdkt-can-tho", PlanApi.Domain.ItemStatus.Completed, 100);

        // 15 March 2023, 09:00 in Việt Nam.
        Assert.Equal([6, 7, 9], (await _client.GetJsonAsync($"{PlansUrl}/{seeded}/items?overdue=true")).Ordinals());
        Assert.Equal(0, (await _client.GetJsonAsync($"{PlansUrl}/{planId}/items?overdue=true")).Int("total"));

        // 23:30 on 31 March in Việt Nam: the first quarter has not ended.
        api.SetNow(new DateTimeOffset(2023, 3, 31, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal([6, 7, 9], (await _client.GetJsonAsync($"{PlansUrl}/{seeded}/items?overdue=true")).Ordinals());
        Assert.Equal(0, (await _client.GetJsonAsync($"{PlansUrl}/{planId}/items?overdue=true")).Int("total"));

        // 00:30 on 1 April in Việt Nam, still 31 March in UTC: every first-quarter item not done is overdue by 1 day.
        api.SetNow(new DateTimeOffset(2023, 3, 31, 17, 30, 0, TimeSpan.Zero));
        var overdue = await _client.GetJsonAsync($"{PlansUrl}/{seeded}/items?overdue=true");
        Assert.Equal(Enumerable.Range(1, 10), overdue.Ordinals());
        var item1 = await _client.GetJsonAsync($"{PlansUrl}/{seeded}/items/1");
        Assert.True(item1["overdue"]!.GetValue<bool>());
        Assert.Equal(1, item1.Int("daysOverdue"));
        Assert.Equal(50, (await _client.GetJsonAsync($"{PlansUrl}/{seeded}/items/6")).Int("daysOverdue"));
        Assert.Equal([1], (await _client.GetJsonAsync($"{PlansUrl}/{planId}/items?overdue=true")).Ordinals());
        Assert.Equal([2], (await _client.GetJsonAsync($"{PlansUrl}/{planId}/items?overdue=false")).Ordinals());
        var done = await _client.GetJsonAsync($"{PlansUrl}/{planId}/items/2");
        Assert.False(done["overdue"]!.GetValue<bool>());
        Assert.Equal(0, done.Int("daysOverdue"));
        Assert.False(done["completedLate"]!.GetValue<bool>());

        // 1 July 2023 in Việt Nam: the second quarter has ended too.
        api.SetNow(new DateTimeOffset(2023, 7, 1, 2, 0, 0, TimeSpan.Zero));
        Assert.Equal(Enumerable.Range(1, 17), (await _client.GetJsonAsync($"{PlansUrl}/{seeded}/items?overdue=true&limit=100")).Ordinals());
        Assert.Equal(32 - 17, (await _client.GetJsonAsync($"{PlansUrl}/{seeded}/items?overdue=false&limit=100")).Int("total"));
    }

    [Fact]
    public async Task Overdue_filter_rejects_values_other_than_true_and_false()
    {
        var seeded = await SeededPlan.IdAsync(_client);
        var answer = await _client.GetAsync($"{PlansUrl}/{seeded}/items?overdue=yes");
        var problem = await answer.BadRequestAsync();
        Assert.Equal(["overdue"], problem.ErrorFields());
        answer.AssertProblemJson();
    }
}
