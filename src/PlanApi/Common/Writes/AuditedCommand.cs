namespace PlanApi.Common.Writes;

/// <summary>What a write does to which resource. <see cref="Key"/> is null for creates (the result names it).</summary>
/// <param name="Type">The resource's type name, as its <see cref="WritableResource{T}"/> declares it.</param>
public sealed record AuditTarget(string Type, string? Key, string Action);

/// <summary>A command whose accepted writes are recorded in the audit trail and the change feed.</summary>
public interface IAuditedCommand
{
    AuditTarget Target { get; }
}

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
}

/// <summary>
/// A command result that must never be stored to be replayed (it carries a secret shown once, such as an issued API
/// key): a retry with the same Idempotency-Key runs the command again.
/// </summary>
public interface INotReplayable;
