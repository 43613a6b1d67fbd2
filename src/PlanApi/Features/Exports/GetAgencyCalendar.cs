using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;
using PlanApi.Features.Agencies;
using PlanApi.Features.Items;

namespace PlanApi.Features.Exports;

/// <summary>An agency's due dates across plans: what its calendar feed is written from.</summary>
/// <param name="Agency">The agency, for the calendar's name.</param>
/// <param name="Items">Items it leads or co-operates on, and the open items of the agencies it succeeded, soonest due first.</param>
public sealed record AgencyCalendarExport(AgencyDto Agency, IReadOnlyList<PlanItemDto> Items);

/// <param name="IncludeDrafts">Include items of draft plans (the caller asked and has credentials).</param>
public sealed record GetAgencyCalendarQuery(string Code, bool IncludeDrafts) : IQuery<AgencyCalendarExport>;

internal sealed class GetAgencyCalendarHandler(PlanDbContext db, TimeProvider clock)
    : IQueryHandler<GetAgencyCalendarQuery, AgencyCalendarExport>
{
    public async ValueTask<AgencyCalendarExport> Handle(GetAgencyCalendarQuery query, CancellationToken ct)
    {
        var agency = await GetAgencyHandler.FindAsync(db, clock, query.Code, ct) ?? throw new NotFoundException("Agency", query.Code);
        var today = PlanCalendar.Today(clock);
        var items = db.PlanItems.AsNoTracking();
        if (!query.IncludeDrafts) items = items.Where(i => i.Plan!.Lifecycle != PlanLifecycle.Draft);
        // The same "leads or co-operates" filter as the agency's to-do list (GET /agencies/{code}/items).
        items = PlanItemFilters.Apply(items, null, null, agency.Code, null, null, null, today);
        var list = await items.Select(PlanItemDto.Projection).ToListAsync(ct);
        // The open items of the agencies it succeeded are its due dates too.
        if (agency.Predecessors.Count > 0)
        {
            var self = await db.Agencies.Where(a => a.Code == agency.Code).Select(a => a.Id).SingleAsync(ct);
            var inherited = AgencyLineage.InheritedItems(db, self, await AgencyLineage.PredecessorsAsync(db, self, ct));
            if (!query.IncludeDrafts) inherited = inherited.Where(i => i.Plan!.Lifecycle != PlanLifecycle.Draft);
            list.AddRange(await inherited.Select(PlanItemDto.Projection).ToListAsync(ct));
        }
        return new AgencyCalendarExport(agency, list.Select(i => i.AsOf(today))
            .OrderBy(i => i.Due.End).ThenBy(i => i.PlanId).ThenBy(i => i.Ordinal).ToList());
    }
}
