using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PlanApi.Features.Webhooks;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Webhooks;

/// <summary>
/// The API with webhooks allowed to loopback endpoints and no background dispatcher: tests drive it with
/// <see cref="DispatchAsync"/>, so nothing is sent behind their back and nothing waits on the wall clock.
/// </summary>
public class WebhookFactory : PlanApiFactory
{
    protected virtual bool AllowPrivateNetworks => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Webhooks:AllowPrivateNetworks", AllowPrivateNetworks ? "true" : "false");
        builder.UseSetting("Webhooks:Dispatch", "false");
        builder.UseSetting("Webhooks:FirstRetryDelay", "00:00:02");
        builder.UseSetting("Webhooks:MaxRetryDelay", "00:00:10");
    }

    /// <summary>The longest a retry waits here: moving the clock this far makes the next attempt due.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);
}

/// <summary>A factory whose webhook endpoints must be public, as in production.</summary>
public sealed class PublicOnlyWebhookFactory : WebhookFactory
{
    protected override bool AllowPrivateNetworks => false;
}

internal static class WebhookRequests
{
    public const string Url = "/api/v1/webhook-subscriptions";
    public const string Education = "so-gddt-can-tho";

    /// <summary>Runs the dispatcher of <paramref name="api"/> a few rounds: queue, send, and send what follows a delivered event.</summary>
    public static async Task DispatchAsync<T>(this WebApplicationFactory<T> api, int rounds = 3) where T : class
    {
        var dispatcher = api.Services.GetRequiredService<WebhookDispatcher>();
        for (var i = 0; i < rounds; i++) await dispatcher.RunOnceAsync(CancellationToken.None);
    }

    public static async Task<JsonNode> SubscribeAsync(this HttpClient client, string url, string[]? types = null, string? agency = null, string? planId = null)
    {
        var body = new JsonObject
        {
            ["url"] = url,
            ["description"] = "QLVB",
            ["eventTypes"] = types is null ? null : new JsonArray(types.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
            ["agencyCode"] = agency,
            ["planId"] = planId,
        };
        return await client.PostJsonAsync(Url, body, HttpStatusCode.Created);
    }
}
