using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PlanApi.Domain;
using PlanApi.Features.Webhooks;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Webhooks;

/// <summary>Who may subscribe what, and which endpoints are refused, with production's network rules.</summary>
public sealed class WebhookSubscriptionTests(PublicOnlyWebhookFactory api) : IClassFixture<PublicOnlyWebhookFactory>
{
    [Theory]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://192.168.1.10/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[fd00::1]/hook")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("http://203.0.113.7/hook")]
    public async Task Endpoints_on_private_networks_or_without_https_are_refused(string url)
    {
        var response = await api.CreateClient().PostAsJsonAsync(WebhookRequests.Url, new { url });
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("url", problem.ErrorFields());
    }

    [Fact]
    public async Task A_connection_that_resolves_to_a_private_address_is_refused_at_delivery_time()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var guarded = new HttpClient(WebhookEndpointGuard.Handler(allowPrivateNetworks: false, TimeSpan.FromSeconds(5)));
        // "localhost" passes no literal check: the name is resolved at connect time and the address refused.
        var url = receiver.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        await Assert.ThrowsAsync<HttpRequestException>(() => guarded.PostAsync(url, new StringContent("{}")));
        using var allowed = new HttpClient(WebhookEndpointGuard.Handler(allowPrivateNetworks: true, TimeSpan.FromSeconds(5)));
        Assert.Equal(HttpStatusCode.OK, (await allowed.PostAsync(receiver.Url, new StringContent("{}"))).StatusCode);
        Assert.Single(receiver.Requests);
    }

    [Theory]
    [InlineData("8.8.8.8", false)]
    [InlineData("203.0.113.7", false)]
    [InlineData("10.0.0.1", true)]
    [InlineData("172.16.5.4", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("100.64.0.1", true)]
    [InlineData("127.0.0.2", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("2001:4860:4860::8888", false)]
    [InlineData("fc00::1", true)]
    public void Refused_addresses(string address, bool refused) =>
        Assert.Equal(refused, WebhookEndpointGuard.IsRefused(IPAddress.Parse(address)));

    [Fact]
    public async Task A_reporter_subscribes_only_for_its_own_agency_and_sees_only_its_own()
    {
        var education = await api.CreateClientAsync(ClientRole.Reporter, WebhookRequests.Education);
        var other = await education.PostAsJsonAsync(WebhookRequests.Url, new { url = "https://93.184.216.34/hook", agencyCode = "ban-tdkt-can-tho" });
        await other.ProblemAsync(HttpStatusCode.Forbidden);

        var created = await education.SubscribeAsync("https://93.184.216.34/hook", ["plan_item.assigned"]);
        var subscription = created["subscription"]!;
        Assert.Equal(WebhookRequests.Education, subscription["agencyCode"]!.GetValue<string>());
        Assert.Equal("active", subscription["state"]!.GetValue<string>());
        Assert.Null(subscription["secret"]);
        var id = subscription["id"]!.GetValue<string>();

        var stranger = await api.CreateClientAsync(ClientRole.Reporter, "ban-tdkt-can-tho");
        await (await stranger.GetAsync($"{WebhookRequests.Url}/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await stranger.GetJsonAsync(WebhookRequests.Url))["items"]!.AsArray(), s => s!["id"]!.GetValue<string>() == id);
        Assert.Contains((await education.GetJsonAsync(WebhookRequests.Url))["items"]!.AsArray(), s => s!["id"]!.GetValue<string>() == id);
        var reader = await api.CreateClientAsync(ClientRole.Reader);
        await (await reader.GetAsync(WebhookRequests.Url)).ProblemAsync(HttpStatusCode.Forbidden);

        // The admin sees it, changes it with If-Match and deletes it.
        var admin = api.CreateClient();
        var read = await admin.GetJsonAsync($"{WebhookRequests.Url}/{id}");
        Assert.Null(read["secret"]);
        var body = new JsonObject { ["url"] = "https://93.184.216.34/other", ["eventTypes"] = new JsonArray("plan_item.unassigned", "plan_item.assigned"), ["agencyCode"] = WebhookRequests.Education };
        var updated = await admin.PutJsonAsync($"{WebhookRequests.Url}/{id}", body, HttpStatusCode.OK);
        Assert.Equal(["plan_item.assigned", "plan_item.unassigned"], updated["eventTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{WebhookRequests.Url}/{id}")).StatusCode);
        await (await admin.GetAsync($"{WebhookRequests.Url}/{id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_event_types_and_replays_past_the_cursor_are_refused()
    {
        var admin = api.CreateClient();
        var response = await admin.PostAsJsonAsync(WebhookRequests.Url, new { url = "https://93.184.216.34/hook", eventTypes = new[] { "plan.exploded" } });
        await response.ProblemAsync(HttpStatusCode.BadRequest);
        var id = (await admin.SubscribeAsync("https://93.184.216.34/hook"))["subscription"]!["id"]!.GetValue<string>();
        await (await admin.PostAsync($"{WebhookRequests.Url}/{id}/replay?from={long.MaxValue}", null)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await admin.PostAsJsonAsync($"{WebhookRequests.Url}/{id}/redeliver", new { eventId = "msg_unknown" })).ProblemAsync(HttpStatusCode.NotFound);
    }
}
