namespace PlanApi.Domain;

/// <summary>
/// The result of a command sent with an Idempotency-Key, stored in the same transaction as the write
/// it answers, so that a retry gets the same answer and writes nothing.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>The client the key belongs to: keys of different clients never collide.</summary>
    public required string Scope { get; init; }
    public required string Key { get; init; }

    /// <summary>SHA-256 of method, path and body: a reused key with another request is refused.</summary>
    public required string RequestHash { get; init; }

    /// <summary>
    /// The command's result as JSON (empty for a command without one): a retry is answered by the same controller
    /// with it, so status, Location, ETag and body are those of the first answer. Empty too when the result is the
    /// audit entry's "after" (<see cref="AuditEntryId"/>): the JSON is stored once, and the lookup reads it from there.
    /// </summary>
    public required byte[] Body { get; init; }

    /// <summary>The audit entry whose "after" is this request's result, when it is; null when <see cref="Body"/> holds it.</summary>
    public Guid? AuditEntryId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
