using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Domain;
using PlanApi.Features.Plans;

namespace PlanApi.Features.Items;

/// <summary>
/// Plan items in the audit trail and the change feed, keyed "{planId}/{ordinal}". Adding or removing an item changes
/// its plan too (item count, updatedAt): the plan's new version goes in the feed with it.
/// </summary>
internal sealed class PlanItemResource : WritableResource<PlanItemDto>
{
    public const string TypeName = "plan_item";

    public static string KeyFor(Guid planId, int ordinal) => string.Create(CultureInfo.InvariantCulture, $"{planId}/{ordinal}");

    public override string Type => TypeName;

    public override string Link(string key) => Parse(key) is var (planId, ordinal)
        ? string.Create(CultureInfo.InvariantCulture, $"/api/v1/plans/{planId}/items/{ordinal}")
        : $"/api/v1/plans/{key}";

    protected override string KeyOf(PlanItemDto item) => KeyFor(item.PlanId, item.Ordinal);

    protected override async Task<PlanItemDto?> ReadAsync(PlanDbContext db, TimeProvider clock, string key, CancellationToken ct) =>
        Parse(key) is var (planId, ordinal) ? await GetPlanItemHandler.FindAsync(db, clock, planId, ordinal, includeDrafts: true, ct) : null;

    protected override async ValueTask<bool> IsPublicAsync(PlanDbContext db, PlanItemDto item, CancellationToken ct) =>
        await db.Plans.AnyAsync(p => p.Id == item.PlanId && p.Lifecycle != PlanLifecycle.Draft, ct);

    protected override IEnumerable<RelatedChange> AlsoChanged(PlanItemDto item, string action) =>
        action == AuditActions.Update ? [] : [new RelatedChange(PlanResource.TypeName, item.PlanId.ToString())];

    /// <summary>The plan and ordinal a key names, or null when it names none.</summary>
    public static (Guid PlanId, int Ordinal)? Parse(string key) =>
        key.Split('/') is [var plan, var ordinal] && Guid.TryParse(plan, out var planId)
            && int.TryParse(ordinal, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? (planId, n)
            : null;
}
