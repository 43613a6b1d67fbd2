using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;
using PlanApi.Features.Items;
using PlanApi.Features.Plans;

namespace PlanApi.Features.Exports;

/// <summary>Everything a plan's exports (status CSV and XLSX, due-date calendar) are written from.</summary>
/// <param name="Plan">The plan, for file and calendar names.</param>
/// <param name="Items">Every item in ordinal order, with status and overdue as of today (Asia/Ho_Chi_Minh).</param>
public sealed record PlanExport(PlanDto Plan, IReadOnlyList<PlanItemDto> Items);

/// <param name="IncludeDrafts">Draft plans are exported to authenticated callers only, as GET /plans/{id} shows them.</param>
public sealed record GetPlanExportQuery(Guid PlanId, bool IncludeDrafts) : IQuery<PlanExport>;

internal sealed class GetPlanExportHandler(PlanDbContext db, TimeProvider clock)
    : IQueryHandler<GetPlanExportQuery, PlanExport>
{
    public async ValueTask<PlanExport> Handle(GetPlanExportQuery query, CancellationToken ct)
    {
        // Visible as GET /plans/{id} shows it: 404 for unknown plans and for drafts seen anonymously.
        var plan = await GetPlanHandler.FindAsync(db, query.PlanId, query.IncludeDrafts, ct)
            ?? throw new NotFoundException("Plan", query.PlanId.ToString());
        var today = PlanCalendar.Today(clock);
        // One query rather than the 100-item pages of the list endpoint: an export is a consistent snapshot.
        var items = await db.PlanItems.AsNoTracking()
            .Where(i => i.PlanId == plan.Id)
            .OrderBy(i => i.Ordinal)
            .Select(PlanItemDto.Projection)
            .ToListAsync(ct);
        return new PlanExport(plan, items.Select(i => i.AsOf(today)).ToList());
    }
}
