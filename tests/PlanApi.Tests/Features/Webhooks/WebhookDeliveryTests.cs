using System.Net;
using PlanApi.Tests.Features.ProgressReports;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Webhooks;

/// <summary>Deliveries over HTTP: signed, in order, once per event id, through failures and restarts.</summary>
public sealed class WebhookDeliveryTests(WebhookFactory api) : IClassFixture<WebhookFactory>
{
    private readonly HttpClient _admin = api.CreateClient();

    [Fact]
    public async Task An_endpoint_that_fails_then_recovers_gets_every_event_once_in_order_and_signed()
    {
        api.SetToday(new DateOnly(2023, 3, 15));
        await using var receiver = await WebhookReceiver.StartAsync();
        var plan = await SeededPlan.IdAsync(_admin);
        var subscription = await _admin.SubscribeAsync(receiver.Url, ["progress_report.created", "plan_item.updated"], WebhookRequests.Education);
        var secret = subscription["secret"]!.GetValue<string>();
        var id = subscription["subscription"]!["id"]!.GetValue<string>();

        var reports = new List<string>();
        for (var i = 0; i < 3; i++)
            reports.Add((await _admin.PostReportAsync(plan, 19, ProgressReportRequests.Body(agency: WebhookRequests.Education, percent: 10 * (i + 1))))["id"]!.GetValue<string>());
        receiver.FailNext = 3;
        for (var round = 0; round < 8; round++)
        {
            await api.DispatchAsync(1);
            api.Clock.Advance(WebhookFactory.MaxRetryDelay);
        }

        var delivered = receiver.Delivered;
        Assert.Equal(6, delivered.Count);
        Assert.Equal(6, delivered.Select(r => r.Id).Distinct().Count());
        Assert.Equal(["progress_report.created", "plan_item.updated", "progress_report.created", "plan_item.updated", "progress_report.created", "plan_item.updated"],
            delivered.Select(r => r.Type));
        Assert.Equal(reports, delivered.Where(r => r.Type == "progress_report.created").Select(r => r.Event["data"]!["resource"]!["id"]!.GetValue<string>()));
        var sequences = delivered.Select(r => r.Event["data"]!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.All(receiver.Requests, r => Assert.True(WebhookReceiver.Verifies(r, secret), $"signature of {r.Id}"));
        Assert.All(receiver.Requests, r => Assert.Equal(r.Event["id"]!.GetValue<string>(), r.Id));
        // The failed attempts were the first event's, sent again with its id: never another event's place taken.
        Assert.Equal(4, receiver.Requests.Count(r => r.Id == delivered[0].Id));
        Assert.Equal(delivered[0].Body, receiver.Requests.First().Body);

        var item = await _admin.GetAsync($"/api/v1/plans/{plan}/items/19");
        var lastItem = delivered[^1].Event["data"]!;
        Assert.Equal(item.Headers.ETag!.Tag, lastItem["etag"]!.GetValue<string>());
        Assert.Equal("19", lastItem["resource"]!["label"]!.GetValue<string>());

        var log = await _admin.GetJsonAsync($"{WebhookRequests.Url}/{id}/deliveries?limit=100");
        Assert.Equal(9, log["total"]!.GetValue<int>());
        var attempts = log["items"]!.AsArray();
        Assert.Equal([500, 500, 500, 200], attempts.Reverse().Take(4).Select(a => a!["statusCode"]!.GetValue<int>()));
        Assert.Equal([1, 2, 3, 4], attempts.Reverse().Take(4).Select(a => a!["attempt"]!.GetValue<int>()));
    }

    [Fact]
    public async Task No_event_is_lost_when_the_api_stops_between_commit_and_delivery()
    {
        api.SetToday(new DateOnly(2023, 3, 15));
        await using var receiver = await WebhookReceiver.StartAsync();
        string plan, first, second;
        var firstHost = api.WithWebHostBuilder(_ => { });
        {
            var client = firstHost.CreateClient();
            client.DefaultRequestHeaders.Remove("X-Api-Key");
            client.DefaultRequestHeaders.Add("X-Api-Key", api.AdminKey);
            plan = await SeededPlan.IdAsync(client);
            await client.SubscribeAsync(receiver.Url, ["progress_report.created"], WebhookRequests.Education);
            first = (await client.PostReportAsync(plan, 19, ProgressReportRequests.Body(agency: WebhookRequests.Education)))["id"]!.GetValue<string>();
            // Queued, then the endpoint is down: the attempt fails.
            receiver.FailNext = 1;
            await firstHost.DispatchAsync(1);
            // Committed, never dispatched by this instance.
            second = (await client.PostReportAsync(plan, 19, ProgressReportRequests.Body(agency: WebhookRequests.Education)))["id"]!.GetValue<string>();
        }
        await firstHost.DisposeAsync();

        await using var secondHost = api.WithWebHostBuilder(_ => { });
        api.Clock.Advance(WebhookFactory.MaxRetryDelay);
        await secondHost.DispatchAsync();

        Assert.Equal([first, second], receiver.Delivered.Select(r => r.Event["data"]!["resource"]!["id"]!.GetValue<string>()));
        Assert.Equal(2, receiver.Requests.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task After_a_rotation_both_secrets_sign_until_the_grace_period_ends()
    {
        api.SetToday(new DateOnly(2023, 3, 15));
        await using var receiver = await WebhookReceiver.StartAsync();
        var plan = await SeededPlan.IdAsync(_admin);
        var subscription = await _admin.SubscribeAsync(receiver.Url, ["progress_report.created"], WebhookRequests.Education);
        var id = subscription["subscription"]!["id"]!.GetValue<string>();
        var oldSecret = subscription["secret"]!.GetValue<string>();
        var rotated = await (await _admin.PostAsync($"{WebhookRequests.Url}/{id}/rotate-secret", null)).JsonAsync(HttpStatusCode.OK);
        var newSecret = rotated["secret"]!.GetValue<string>();
        Assert.NotEqual(oldSecret, newSecret);
        Assert.StartsWith("whsec_", newSecret);
        Assert.True(Convert.FromBase64String(newSecret["whsec_".Length..]).Length >= 24);

        await _admin.PostReportAsync(plan, 19, ProgressReportRequests.Body(agency: WebhookRequests.Education));
        await api.DispatchAsync();
        var during = Assert.Single(receiver.Delivered);
        Assert.True(WebhookReceiver.Verifies(during, newSecret));
        Assert.True(WebhookReceiver.Verifies(during, oldSecret));
        Assert.Equal(2, during.Signature.Split(' ').Length);

        api.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await _admin.PostReportAsync(plan, 19, ProgressReportRequests.Body(agency: WebhookRequests.Education));
        await api.DispatchAsync();
        var after = receiver.Delivered[^1];
        Assert.NotEqual(during.Id, after.Id);
        Assert.True(WebhookReceiver.Verifies(after, newSecret));
        Assert.False(WebhookReceiver.Verifies(after, oldSecret));
    }
}
