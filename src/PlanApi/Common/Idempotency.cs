using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PlanApi.Common.Security;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Common;

/// <summary>
/// Idempotency-Key on POST: the first successful response is stored in PostgreSQL in the same transaction as the
/// write; a retry with the same key and request replays it (header Idempotent-Replayed: true) and writes nothing.
/// A concurrent retry waits for the first to finish and replays it; one still in flight after the wait gets 409.
/// The same key with another request is 422. Keys are per client and kept <see cref="IdempotencyOptions.Retention"/>.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext context, PlanDbContext db, TimeProvider clock, IdempotencyOptions options)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || !context.Request.Headers.TryGetValue(HeaderName, out var header)
            || !context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        var key = header.ToString();
        if (key.Length is 0 or > 200 || key.Any(c => c is <= ' ' or > '~'))
            throw new RequestValidationException(HeaderName, "Idempotency-Key must be 1–200 visible ASCII characters (a UUID is ideal).");

        var scope = context.User.Client() ?? "anonymous";
        var hash = await HashRequestAsync(context.Request);

        await using var transaction = await db.Database.BeginTransactionAsync(context.RequestAborted);
        await WaitForConcurrentRetryAsync(db, scope, key, options);

        var previous = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, context.RequestAborted);
        if (previous is not null)
        {
            if (previous.RequestHash != hash)
                throw new UnprocessableException(
                    "This Idempotency-Key was already used for a different request; use a new key for a new request.", HeaderName);
            await transaction.RollbackAsync(context.RequestAborted);
            await ReplayAsync(context, previous);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
            // A response marked no-store carries a secret (an issued API key): it is never kept, so a retry issues anew.
            if (context.Response.StatusCode is >= 200 and < 300 && !context.Response.Headers.CacheControl.ToString().Contains("no-store"))
            {
                db.ChangeTracker.Clear();
                db.IdempotencyRecords.Add(new IdempotencyRecord
                {
                    Scope = scope, Key = key, RequestHash = hash, StatusCode = context.Response.StatusCode,
                    ContentType = context.Response.ContentType, Location = context.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
                    Body = buffer.ToArray(), CreatedAt = clock.GetUtcNow(),
                });
                await db.SaveChangesAsync(context.RequestAborted);
                await transaction.CommitAsync(context.RequestAborted);
            }
            else if (context.Response.StatusCode is >= 200 and < 300)
            {
                await transaction.CommitAsync(context.RequestAborted);
            }
            else
            {
                await transaction.RollbackAsync(context.RequestAborted);
            }
        }
        finally
        {
            context.Response.Body = original;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>
    /// Serialises requests with one key: the advisory lock lives as long as the transaction. The wait for it is
    /// bounded by <see cref="IdempotencyOptions.InFlightWait"/>; once it is held, the write's own locks (its item's
    /// row) fall back to <see cref="DatabaseTimeouts.LockTimeout"/>, so no request waits on locks past its bound.
    /// </summary>
    private static async Task WaitForConcurrentRetryAsync(PlanDbContext db, string scope, string key, IdempotencyOptions options)
    {
        try
        {
            var wait = $"{(int)options.InFlightWait.TotalMilliseconds}ms";
            var then = $"{(int)DatabaseTimeouts.LockTimeout.TotalMilliseconds}ms";
            await db.Database.ExecuteSqlAsync(
                $"SELECT set_config('lock_timeout', {wait}, true), idempotency_lock({scope}, {key}), set_config('lock_timeout', {then}, true)");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            throw new ConflictException("A request with this Idempotency-Key is still being processed; retry in a moment.")
            {
                RetryAfterSeconds = 1,
            };
        }
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyRecord previous)
    {
        context.Response.StatusCode = previous.StatusCode;
        if (previous.ContentType is not null) context.Response.ContentType = previous.ContentType;
        if (previous.Location is not null) context.Response.Headers.Location = previous.Location;
        context.Response.Headers[ReplayedHeader] = "true";
        await context.Response.Body.WriteAsync(previous.Body, context.RequestAborted);
    }

    /// <summary>
    /// Method, path and body, with a JSON body in canonical form (properties sorted, strings NFC): a retry is the
    /// same request even when another serializer spaces, orders or normalises it differently.
    /// </summary>
    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        var body = copy.ToArray();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        sha.AppendData(CanonicalJson.TryCanonicalize(body) ?? body);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}

public sealed class IdempotencyOptions
{
    /// <summary>How long keys are kept: a retry after this may be taken as a new request.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How long a retry waits for the first request with its key before answering 409.</summary>
    public TimeSpan InFlightWait { get; set; } = TimeSpan.FromSeconds(3);
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

public static class IdempotencySetup
{
    public static IServiceCollection AddPlanApiIdempotency(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Idempotency").Get<IdempotencyOptions>() ?? new IdempotencyOptions());
        services.AddHostedService<IdempotencyPurger>();
        return services;
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
