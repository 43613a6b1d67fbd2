namespace PlanApi.Domain;

/// <summary>
/// The first successful answer to a POST sent with an Idempotency-Key, stored in the same transaction as the write
/// it answers, so that a retry gets the same answer and writes nothing.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>The client the key belongs to: keys of different clients never collide.</summary>
    public required string Scope { get; init; }
    public required string Key { get; init; }

    /// <summary>SHA-256 of method, path and body: a reused key with another request is refused.</summary>
    public required string RequestHash { get; init; }
    public int StatusCode { get; init; }
    public string? ContentType { get; init; }
    public string? Location { get; init; }
    public required byte[] Body { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
