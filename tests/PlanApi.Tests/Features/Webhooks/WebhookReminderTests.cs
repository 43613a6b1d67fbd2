using PlanApi.Tests.Features.ProgressReports;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Webhooks;

/// <summary>Due-soon and overdue events at a fake clock's edges: once per item, occurrence and subscription, across restarts.</summary>
public sealed class WebhookReminderTests(WebhookFactory api) : IClassFixture<WebhookFactory>
{
    [Fact]
    public async Task Item_19_is_due_soon_once_seven_days_before_its_due_end_and_overdue_once_the_day_after()
    {
        var admin = api.CreateClient();
        api.SetToday(new DateOnly(2023, 3, 15));
        await using var receiver = await WebhookReceiver.StartAsync();
        var plan = await SeededPlan.IdAsync(admin);
        var education = await api.CreateClientAsync(Domain.ClientRole.Reporter, WebhookRequests.Education);
        await education.SubscribeAsync(receiver.Url, ["plan_item.due_soon", "plan_item.overdue"]);
        var item19 = await admin.GetJsonAsync($"/api/v1/plans/{plan}/items/19");
        Assert.Equal("2023-07-31", item19["due"]!["end"]!.GetValue<string>());

        int Count(string type) => receiver.Delivered.Count(r => r.Type == type
            && r.Event["data"]!["resource"]!["planId"]!.GetValue<string>() == plan
            && r.Event["data"]!["resource"]!["ordinal"]!.GetValue<int>() == 19);

        api.SetToday(new DateOnly(2023, 7, 23));
        await api.DispatchAsync();
        Assert.Equal(0, Count("plan_item.due_soon"));

        api.SetToday(new DateOnly(2023, 7, 24));
        await api.DispatchAsync();
        Assert.Equal(1, Count("plan_item.due_soon"));
        var dueSoon = receiver.Delivered.Single(r => r.Type == "plan_item.due_soon" && r.Event["data"]!["resource"]!["ordinal"]!.GetValue<int>() == 19);
        Assert.Equal(WebhookRequests.Education, dueSoon.Event["data"]!["agency"]!.GetValue<string>());
        Assert.Equal("2023-07-31", dueSoon.Event["data"]!["occurrence"]!["due"]!.GetValue<string>());

        api.SetToday(new DateOnly(2023, 7, 31));
        await api.DispatchAsync();
        // Another instance on the same store sends nothing twice either.
        await using (var other = api.WithWebHostBuilder(_ => { })) await other.DispatchAsync();
        Assert.Equal(1, Count("plan_item.due_soon"));
        Assert.Equal(0, Count("plan_item.overdue"));

        api.SetToday(new DateOnly(2023, 8, 1));
        await api.DispatchAsync();
        await using (var other = api.WithWebHostBuilder(_ => { })) await other.DispatchAsync();
        api.SetToday(new DateOnly(2023, 8, 2));
        await api.DispatchAsync();
        Assert.Equal(1, Count("plan_item.overdue"));
        Assert.Equal(1, Count("plan_item.due_soon"));
        // Every event reached the endpoint once: ids are unique.
        Assert.Equal(receiver.Delivered.Count, receiver.Delivered.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_completed_item_is_not_reminded()
    {
        var admin = api.CreateClient();
        api.SetToday(new DateOnly(2023, 3, 15));
        await using var receiver = await WebhookReceiver.StartAsync();
        var plan = await SeededPlan.IdAsync(admin);
        var item = await admin.GetJsonAsync($"/api/v1/plans/{plan}/items/20");
        var lead = item["lead"]!["code"]!.GetValue<string>();
        var due = DateOnly.Parse(item["due"]!["end"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        await admin.SubscribeAsync(receiver.Url, ["plan_item.due_soon", "plan_item.overdue"], planId: plan);
        await admin.PostReportAsync(plan, 20, ProgressReportRequests.Body(status: "completed", percent: 100, agency: lead));

        api.SetToday(due.AddDays(-3));
        await api.DispatchAsync();
        api.SetToday(due.AddDays(1));
        await api.DispatchAsync();
        Assert.DoesNotContain(receiver.Delivered, r => r.Event["data"]!["resource"]!["ordinal"]!.GetValue<int>() == 20);
        Assert.Contains(receiver.Delivered, r => r.Type == "plan_item.overdue");
    }
}
