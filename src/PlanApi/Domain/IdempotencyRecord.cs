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
    /// with it, so status, Location, ETag and body are those of the first answer.
    /// </summary>
    public required byte[] Body { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
