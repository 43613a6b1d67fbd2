namespace PlanApi.Common.WriteLog;

/// <summary>What a write does to which resource. <see cref="Key"/> is null for creates (the result names it).</summary>
public sealed record AuditTarget(string Type, string? Key, string Action);

/// <summary>A command whose accepted writes are recorded in the audit trail and the change feed.</summary>
public interface IAuditedCommand
{
    AuditTarget Target { get; }
}

/// <summary>Resource types, as they appear in the audit trail and the change feed.</summary>
public static class ResourceTypes
{
    public const string Plan = "plan";
    public const string PlanItem = "plan_item";
    public const string ProgressReport = "progress_report";
    public const string Agency = "agency";
    public const string Grouping = "grouping";
    public const string ApiKey = "api_key";

    /// <summary>The resources the change feed publishes (API keys are audited only).</summary>
    public static readonly IReadOnlySet<string> Published = new HashSet<string> { Plan, PlanItem, ProgressReport, Agency, Grouping };
}

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
}
