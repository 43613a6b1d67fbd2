using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PlanApi.Features.Webhooks;

namespace PlanApi.Tests.Features.Webhooks;

/// <summary>
/// A webhook endpoint on a real loopback port (Kestrel): it records every request it gets and answers 500 to the
/// first <see cref="FailNext"/> of them, as an endpoint that is down for a while.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    public sealed record Received(string Id, long Timestamp, string Signature, string Body, int Answer)
    {
        public JsonNode Event => JsonNode.Parse(Body)!;
        public string Type => Event["type"]!.GetValue<string>();
        public bool Delivered => Answer == 200;
    }

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>How many coming requests are answered 500.</summary>
    public int FailNext { get; set; }

    public string Url { get; }

    private WebhookReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var answer = receiver!.FailNext > 0 ? 500 : 200;
            if (answer == 500) receiver.FailNext--;
            receiver.Requests.Enqueue(new Received(
                context.Request.Headers["webhook-id"].ToString(),
                long.TryParse(context.Request.Headers["webhook-timestamp"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : 0,
                context.Request.Headers["webhook-signature"].ToString(), body, answer));
            context.Response.StatusCode = answer;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver = new WebhookReceiver(app, address + "/hook");
        return receiver;
    }

    /// <summary>The events answered 200, in the order they arrived.</summary>
    public List<Received> Delivered => Requests.Where(r => r.Delivered).ToList();

    public static bool Verifies(Received request, string secret) =>
        WebhookSignature.Verify(secret, request.Id, request.Timestamp, request.Body, request.Signature);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
