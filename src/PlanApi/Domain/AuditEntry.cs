namespace PlanApi.Domain;

/// <summary>One accepted write: who made it, when, to which resource, and the resource before and after (as JSON).</summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTimeOffset OccurredAt { get; init; }
    public required string ClientId { get; init; }
    public required string ClientName { get; init; }
    public Guid? KeyId { get; init; }
    public string? AgencyCode { get; init; }
    public required string Action { get; init; }
    public required string ResourceType { get; init; }
    public required string ResourceKey { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public string? TraceId { get; init; }
}

/// <summary>
/// An entry of the change feed. <see cref="Sequence"/> is the feed position PostgreSQL assigns on insert (trigger
/// <c>change_records_assign_sequence</c>): the writing transaction's id, then the entry's place within it. Readers see
/// only positions below <c>change_feed_horizon()</c> (transactions older than the oldest one of this database still
/// running), so a position, once read, can never be overtaken by a later commit, and writers take no shared lock.
/// </summary>
public sealed class ChangeRecord
{
    public long Sequence { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public required string Action { get; init; }
    public required string ResourceType { get; init; }
    public required string ResourceKey { get; init; }

    /// <summary>The resource's ETag after the change; null after a delete.</summary>
    public string? Version { get; init; }
    public required string Link { get; init; }

    /// <summary>False for changes inside draft plans: only credentials see those.</summary>
    public bool Public { get; init; }
}
