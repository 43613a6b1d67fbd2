using PlanApi.Common.Writes;
using PlanApi.Data;

namespace PlanApi.Features.Groupings;

/// <summary>Cụm and khối in the audit trail and the change feed, keyed by code.</summary>
internal sealed class GroupingResource : WritableResource<GroupingDto>
{
    public const string TypeName = "grouping";

    public override string Type => TypeName;

    public override string Link(string key) => $"/api/v1/groupings/{key}";

    protected override string KeyOf(GroupingDto grouping) => grouping.Code;

    protected override Task<GroupingDto?> ReadAsync(PlanDbContext db, TimeProvider clock, string key, CancellationToken ct) =>
        GetGroupingHandler.FindAsync(db, key, ct);
}
