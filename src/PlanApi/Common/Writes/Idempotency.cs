using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PlanApi.Common.Observability;
using PlanApi.Common.Security;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Common.Writes;

/// <summary>
/// Idempotency-Key on POST: reads and checks the header and fingerprints the request; the command's transaction
/// (<see cref="CommandTransactionBehavior{TMessage, TResponse}"/>) does the rest with <see cref="IdempotencyStore"/>.
/// A replayed answer carries <c>Idempotent-Replayed: true</c>.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 200;

    public async Task InvokeAsync(HttpContext context, IdempotencyStore store)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || !context.Request.Headers.TryGetValue(HeaderName, out var header)
            || !context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        var key = header.ToString();
        if (key.Length is 0 or > MaxKeyLength || key.Any(c => c is <= ' ' or > '~'))
            throw new RequestValidationException(HeaderName, $"Idempotency-Key must be 1–{MaxKeyLength} visible ASCII characters (a UUID is ideal).");

        store.Request = new IdempotentRequest(context.User.Client() ?? "anonymous", key, await HashRequestAsync(context.Request));
        context.Response.OnStarting(() =>
        {
            if (store.Replayed) context.Response.Headers[ReplayedHeader] = "true";
            return Task.CompletedTask;
        });
        await next(context);
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

/// <summary>A request that carries an Idempotency-Key: whose key (<paramref name="Scope"/>: the client) and what request.</summary>
public sealed record IdempotentRequest(string Scope, string Key, string RequestHash);

/// <summary>
/// The stored results of requests with an Idempotency-Key. Inside the command's transaction: the key's lock (a
/// concurrent retry waits for the first, bounded by the store's lock timeout, then gets 409), the lookup (a retry of
/// the same request gets the first result, the same key with another request 422), and the new record, which commits
/// with the write or not at all. Keys are per client and kept <see cref="IdempotencyOptions.Retention"/>.
/// </summary>
public sealed class IdempotencyStore(PlanDbContext db, TimeProvider clock)
{
    /// <summary>The current request's key, when it has one.</summary>
    public IdempotentRequest? Request { get; set; }

    /// <summary>Whether the current request was answered with a stored result.</summary>
    public bool Replayed { get; private set; }

    /// <summary>The result stored for this request's key, if any (the caller then writes nothing).</summary>
    public async Task<(bool Found, TResult? Result)> TryReplayAsync<TResult>(CancellationToken ct)
    {
        if (Request is not { } request) return (false, default);
        var waiting = clock.GetTimestamp();
        IdempotencyRecord? previous;
        try
        {
            previous = await db.IdempotencyRecords.FromSql($"SELECT * FROM idempotency_claim({request.Scope}, {request.Key})")
                .AsNoTracking().SingleOrDefaultAsync(ct);
            PlanApiTelemetry.RecordLockWait(clock.GetElapsedTime(waiting), "idempotency_key");
        }
        // A query's transient failure comes wrapped by EF Core's execution strategy.
        catch (Exception e) when ((e as PostgresException ?? e.InnerException as PostgresException)?.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            PlanApiTelemetry.RecordLockWait(clock.GetElapsedTime(waiting), "idempotency_key", acquired: false);
            PlanApiTelemetry.RecordIdempotencyOutcome(PlanApiTelemetry.IdempotencyOutcomes.Conflict);
            throw new ConflictException("A request with this Idempotency-Key is still being processed; retry in a moment.")
            {
                RetryAfterSeconds = 1,
            };
        }
        if (previous is null)
        {
            PlanApiTelemetry.RecordIdempotencyOutcome(PlanApiTelemetry.IdempotencyOutcomes.First);
            return (false, default);
        }
        if (previous.RequestHash != request.RequestHash)
        {
            PlanApiTelemetry.RecordIdempotencyOutcome(PlanApiTelemetry.IdempotencyOutcomes.Mismatch);
            throw new UnprocessableException(
                "This Idempotency-Key was already used for a different request; use a new key for a new request.", IdempotencyMiddleware.HeaderName);
        }
        PlanApiTelemetry.RecordIdempotencyOutcome(PlanApiTelemetry.IdempotencyOutcomes.Replayed);
        Replayed = true;
        return (true, typeof(TResult) == typeof(Unit)
            ? (TResult)(object)Unit.Value
            : JsonSerializer.Deserialize<TResult>(previous.Body, ETags.Json));
    }

    /// <summary>
    /// The results stored under <paramref name="keys"/> of one client, by key: the JSON a retry of each would be
    /// answered with (read from the audit entry a record points at, as <c>idempotency_claim</c> does), without locking.
    /// </summary>
    public static async Task<Dictionary<string, byte[]>> StoredResultsAsync(
        PlanDbContext db, string scope, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var stored = await (
            from r in db.IdempotencyRecords.AsNoTracking()
            where r.Scope == scope && keys.Contains(r.Key)
            join a in db.AuditEntries on r.AuditEntryId equals a.Id into audits
            from a in audits.DefaultIfEmpty()
            select new { r.Key, r.Body, After = a == null ? null : a.After }).ToListAsync(ct);
        return stored.ToDictionary(r => r.Key, r => r.After is null ? r.Body : Encoding.UTF8.GetBytes(r.After), StringComparer.Ordinal);
    }

    /// <summary>
    /// Stores a command's result under this request's key, to commit with the write: as a reference to
    /// <paramref name="auditEntryId"/> when that audit entry's "after" is the result, else as its JSON.
    /// </summary>
    public void Remember(object? result, Guid? auditEntryId)
    {
        if (Request is not { } request || result is INotReplayable) return;
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Scope = request.Scope,
            Key = request.Key,
            RequestHash = request.RequestHash,
            Body = result is null or Unit || auditEntryId is not null ? [] : JsonSerializer.SerializeToUtf8Bytes(result, result.GetType(), ETags.Json),
            AuditEntryId = auditEntryId,
            CreatedAt = clock.GetUtcNow(),
        });
    }
}
