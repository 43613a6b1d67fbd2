using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Items;

/// <param name="IncludeDrafts">Items of draft plans are visible to authenticated callers only.</param>
public sealed record GetPlanItemQuery(Guid PlanId, int Ordinal, bool IncludeDrafts = true) : IQuery<PlanItemDto>;

internal sealed class GetPlanItemHandler(PlanDbContext db, ItemViews views, TimeProvider clock) : IQueryHandler<GetPlanItemQuery, PlanItemDto>
{
    public async ValueTask<PlanItemDto> Handle(GetPlanItemQuery query, CancellationToken ct)
    {
        var view = await views.FindAsync(db, query.PlanId, query.Ordinal, ct);
        if (view is null || (view.InDraftPlan && !query.IncludeDrafts))
        {
            if (!await db.Plans.AnyAsync(p => p.Id == query.PlanId && (query.IncludeDrafts || p.Lifecycle != PlanLifecycle.Draft), ct))
                throw new NotFoundException("Plan", query.PlanId.ToString());
            throw new NotFoundException("Item", $"{query.Ordinal}");
        }
        return view.Item.AsOf(PlanCalendar.Today(clock));
    }

    /// <summary>The item as a GET shows it today, read from the store (inside a write: its own transaction's state), or null.</summary>
    public static async Task<PlanItemDto?> FindAsync(
        PlanDbContext db, TimeProvider clock, Guid planId, int ordinal, bool includeDrafts, CancellationToken ct)
    {
        var item = await db.PlanItems.AsNoTracking()
            .Where(i => i.PlanId == planId && i.Ordinal == ordinal)
            .Where(i => includeDrafts || i.Plan!.Lifecycle != PlanLifecycle.Draft)
            .Select(PlanItemDto.Projection)
            .SingleOrDefaultAsync(ct);
        return item?.AsOf(PlanCalendar.Today(clock));
    }
}
