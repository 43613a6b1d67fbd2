using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanApi.Data;

namespace PlanApi.Common.Writes;

public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long keys are kept: a retry after this may be taken as a new request.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(48);
}

/// <summary>Deletes idempotency records older than the retention, hourly.</summary>
public sealed class IdempotencyPurger(IServiceScopeFactory scopes, TimeProvider clock, IdempotencyOptions options, ILogger<IdempotencyPurger> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Purging idempotency records failed; will retry in an hour.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanDbContext>();
        var cutoff = clock.GetUtcNow() - options.Retention;
        return await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}

/// <summary>JSON with sorted properties and NFC strings, for comparing requests by meaning rather than bytes.</summary>
internal static class CanonicalJson
{
    public static byte[]? TryCanonicalize(byte[] json)
    {
        try
        {
            var node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
            return Encoding.UTF8.GetBytes(Canonical(node)?.ToJsonString() ?? "null");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // Not canonical JSON (duplicate properties, invalid Unicode): the raw bytes identify the request, and
            // MVC answers the body itself with a 400.
            return null;
        }
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key.Normalize(NormalizationForm.FormC), Canonical(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Canonical).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(v.GetValue<string>().Normalize(NormalizationForm.FormC)),
        JsonValue v => JsonNode.Parse(v.ToJsonString()),
        _ => null,
    };
}
