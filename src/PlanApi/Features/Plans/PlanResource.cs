using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Plans;

/// <summary>Plans in the audit trail and the change feed; a draft's versions are shown to credentials only.</summary>
internal sealed class PlanResource : WritableResource<PlanDto>
{
    public const string TypeName = "plan";

    public override string Type => TypeName;

    public override string Link(string key) => $"/api/v1/plans/{key}";

    protected override string KeyOf(PlanDto plan) => plan.Id.ToString();

    protected override async Task<PlanDto?> ReadAsync(PlanDbContext db, TimeProvider clock, string key, CancellationToken ct) =>
        Guid.TryParse(key, out var id) ? await GetPlanHandler.FindAsync(db, id, includeDrafts: true, ct) : null;

    protected override ValueTask<bool> IsPublicAsync(PlanDbContext db, PlanDto plan, CancellationToken ct) =>
        ValueTask.FromResult(plan.Lifecycle != PlanLifecycle.Draft);
}
