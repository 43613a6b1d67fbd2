using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;
using PlanApi.Features.Agencies;

namespace PlanApi.Features.Status;

/// <summary>An agency's items led and co-operated on across published plans (with the open items of the agencies it succeeded), completed and overdue.</summary>
public sealed record GetAgencyStatusQuery(string Code) : IQuery<AgencyStatusDto>;

internal sealed class GetAgencyStatusHandler(PlanDbContext db, TimeProvider clock) : IQueryHandler<GetAgencyStatusQuery, AgencyStatusDto>
{
    public async ValueTask<AgencyStatusDto> Handle(GetAgencyStatusQuery query, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Code == query.Code)
            .Select(a => new { a.Id, Ref = new AgencyRefDto(a.Code, a.Name, a.ShortName), Inherits = a.Predecessors.Any() })
            .SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Agency", query.Code);
        var items = await db.PlanItems.AsNoTracking()
            .Where(i => i.Plan!.Lifecycle != PlanLifecycle.Draft
                && (i.LeadAgencyId == agency.Id || i.Coordinators.Any(c => c.AgencyId == agency.Id)))
            .Select(i => new { i.PlanId, PlanNumber = i.Plan!.Number, i.Ordinal, i.Content, i.Status, i.DueKind, i.OverdueDays, Leads = i.LeadAgencyId == agency.Id })
            .ToListAsync(ct);
        // The open items of the agencies it succeeded count as its own (in the role the predecessor had).
        if (agency.Inherits && await AgencyLineage.PredecessorsAsync(db, agency.Id, ct) is { Count: > 0 } predecessors)
        {
            items.AddRange(await AgencyLineage.InheritedItems(db, agency.Id, predecessors)
                .Where(i => i.Plan!.Lifecycle != PlanLifecycle.Draft)
                .Select(i => new { i.PlanId, PlanNumber = i.Plan!.Number, i.Ordinal, i.Content, i.Status, i.DueKind, i.OverdueDays, Leads = predecessors.Contains(i.LeadAgencyId) })
                .ToListAsync(ct));
        }

        var today = PlanCalendar.Today(clock);
        GroupTotals Totals(bool leads)
        {
            var group = items.Where(i => i.Leads == leads).ToList();
            return new GroupTotals(group.Count, group.Count(i => i.Status == ItemStatus.Completed),
                group.Count(i => ItemRules.IsOverdue(i.Status, i.OverdueDays, today)));
        }
        var overdue = items.Where(i => ItemRules.IsOverdue(i.Status, i.OverdueDays, today))
            .Select(i => new AgencyOverdueItem(i.PlanId, i.PlanNumber, i.Ordinal, i.Content, i.Leads ? "lead" : "coordinator",
                OverdueDays.Since(i.OverdueDays, today)!.Value.AddDays(-1), ItemRules.DaysOverdue(i.Status, i.OverdueDays, today), i.DueKind))
            .OrderByDescending(i => i.DaysOverdue).ThenBy(i => i.PlanNumber).ThenBy(i => i.Ordinal)
            .ToList();
        return new AgencyStatusDto(agency.Ref, today, Totals(leads: true), Totals(leads: false), overdue);
    }
}
