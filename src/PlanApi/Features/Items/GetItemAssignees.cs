using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;
using PlanApi.Features.Agencies;

namespace PlanApi.Features.Items;

/// <summary>Who an item names and who of them has reported: for a set ("UBND các xã, phường"), each member.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Ordinal">The item's ordinal.</param>
/// <param name="Assignees">The lead, then the co-operating agencies, in the document's order.</param>
public sealed record ItemAssigneesDto(Guid PlanId, int Ordinal, IReadOnlyList<ItemAssigneeDto> Assignees);

/// <summary>An agency an item names, with its reports on the item; a set with its members'.</summary>
/// <param name="Agency">The agency as the plan names it.</param>
/// <param name="Role">lead or coordinator.</param>
/// <param name="LastReportedAt">When it (or an agency on its behalf: a successor, a member) last reported on the item; null when none has.</param>
/// <param name="MembersReported">For a set: how many of its members have reported.</param>
/// <param name="Members">For a set: its members on the plan's date of issue, each with its last report; null for one agency.</param>
public sealed record ItemAssigneeDto(
    AgencyRefDto Agency, string Role, DateTimeOffset? LastReportedAt, int? MembersReported, IReadOnlyList<ItemSetMemberDto>? Members);

/// <summary>A member of a set an item names.</summary>
/// <param name="Agency">The member.</param>
/// <param name="LastReportedAt">Its last report on the item; null when it has not reported.</param>
public sealed record ItemSetMemberDto(AgencyRefDto Agency, DateTimeOffset? LastReportedAt);

public sealed record GetItemAssigneesQuery(Guid PlanId, int Ordinal, bool IncludeDrafts) : IQuery<ItemAssigneesDto>;

internal sealed class GetItemAssigneesHandler(PlanDbContext db) : IQueryHandler<GetItemAssigneesQuery, ItemAssigneesDto>
{
    public async ValueTask<ItemAssigneesDto> Handle(GetItemAssigneesQuery query, CancellationToken ct)
    {
        var item = await db.PlanItems.AsNoTracking()
            .Where(i => i.PlanId == query.PlanId && i.Ordinal == query.Ordinal && (query.IncludeDrafts || i.Plan!.Lifecycle != PlanLifecycle.Draft))
            .Select(i => new
            {
                i.Id, i.Plan!.IssuedOn,
                Named = i.Coordinators.OrderBy(c => c.Position).Select(c => new { c.Agency!.Id, c.Agency.Code, c.Agency.Name, c.Agency.ShortName, c.Agency.Kind, Leads = false })
                    .ToList(),
                Lead = new { i.LeadAgency!.Id, i.LeadAgency.Code, i.LeadAgency.Name, i.LeadAgency.ShortName, i.LeadAgency.Kind, Leads = true },
            })
            .SingleOrDefaultAsync(ct)
            ?? throw await PlanItemErrors.NotFoundAsync(db, query.PlanId, query.Ordinal, ct);
        var reports = await db.ProgressReports.AsNoTracking().Where(r => r.PlanItemId == item.Id)
            .GroupBy(r => new { r.ReportingAgencyId, r.OnBehalfOfAgencyId })
            .Select(g => new { g.Key.ReportingAgencyId, g.Key.OnBehalfOfAgencyId, Last = g.Max(r => r.ReportedAt) })
            .ToListAsync(ct);
        DateTimeOffset? LastBy(Guid id) => reports.Where(r => r.ReportingAgencyId == id || r.OnBehalfOfAgencyId == id)
            .Select(r => (DateTimeOffset?)r.Last).Max();

        var assignees = new List<ItemAssigneeDto>();
        foreach (var named in item.Named.Prepend(item.Lead).DistinctBy(a => a.Id))
        {
            var agency = new AgencyRefDto(named.Code, named.Name, named.ShortName);
            var role = named.Leads ? "lead" : "coordinator";
            if (named.Kind != AgencyKind.Collective)
            {
                assignees.Add(new ItemAssigneeDto(agency, role, LastBy(named.Id), null, null));
                continue;
            }
            var memberIds = await db.Database
                .SqlQuery<Guid>($"SELECT m AS \"Value\" FROM agency_set_members({named.Id}, {item.IssuedOn}) m")
                .ToListAsync(ct);
            var members = (await db.Agencies.AsNoTracking().Where(a => memberIds.Contains(a.Id)).OrderBy(a => a.Code)
                    .Select(a => new { a.Id, Ref = new AgencyRefDto(a.Code, a.Name, a.ShortName) }).ToListAsync(ct))
                .Select(m => new ItemSetMemberDto(m.Ref, reports.Where(r => r.ReportingAgencyId == m.Id).Select(r => (DateTimeOffset?)r.Last).Max()))
                .ToList();
            assignees.Add(new ItemAssigneeDto(agency, role, LastBy(named.Id), members.Count(m => m.LastReportedAt is not null), members));
        }
        return new ItemAssigneesDto(query.PlanId, query.Ordinal, assignees);
    }
}
