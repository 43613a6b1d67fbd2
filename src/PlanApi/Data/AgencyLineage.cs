using Microsoft.EntityFrameworkCore;
using PlanApi.Domain;

namespace PlanApi.Data;

/// <summary>
/// Successions read as inheritance: an agency that took over from others (a ward from the district it replaced, a
/// merged department from the departments merged into it) has their open items on its lists and may report on them.
/// </summary>
internal static class AgencyLineage
{
    /// <summary>Longest chain of successions followed: reorganisations are years apart, so a handful is already history.</summary>
    private const int MaxDepth = 16;

    /// <summary>The agencies whose work <paramref name="agencyId"/> took over, directly or through others, nearest first.</summary>
    public static async Task<List<Guid>> PredecessorsAsync(PlanDbContext db, Guid agencyId, CancellationToken ct)
    {
        var found = new List<Guid>();
        var seen = new HashSet<Guid> { agencyId };
        List<Guid> frontier = [agencyId];
        for (var depth = 0; depth < MaxDepth && frontier.Count > 0; depth++)
        {
            var current = frontier;
            var next = await db.AgencySuccessions.Where(s => current.Contains(s.SuccessorId))
                .OrderBy(s => s.PredecessorId).Select(s => s.PredecessorId).ToListAsync(ct);
            frontier = next.Where(seen.Add).ToList();
            found.AddRange(frontier);
        }
        return found;
    }

    /// <summary>Open items of published or closed plans that a predecessor leads or co-operates on and the agency itself does not.</summary>
    public static IQueryable<PlanItem> InheritedItems(PlanDbContext db, Guid agencyId, IReadOnlyCollection<Guid> predecessors) =>
        db.PlanItems.AsNoTracking().Where(i =>
            i.Status != ItemStatus.Completed && i.Status != ItemStatus.Cancelled
            && (predecessors.Contains(i.LeadAgencyId) || i.Coordinators.Any(c => predecessors.Contains(c.AgencyId)))
            && i.LeadAgencyId != agencyId && !i.Coordinators.Any(c => c.AgencyId == agencyId));

    /// <summary>Why an ended agency can no longer act, naming who took over: what a refused credential or report is told.</summary>
    public static async Task<string> EndedMessageAsync(PlanDbContext db, Guid agencyId, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => new { a.Code, a.ValidUntil }).SingleAsync(ct);
        var successors = await db.AgencySuccessions.Where(s => s.PredecessorId == agencyId)
            .OrderBy(s => s.Successor!.Code).Select(s => s.Successor!.Code).ToListAsync(ct);
        var ended = agency.ValidUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return $"Agency '{agency.Code}' ended on {ended}" + (successors.Count == 0
            ? "; it has no successor on record."
            : $"; its work passed to {string.Join(", ", successors.Select(c => $"'{c}'"))}: act as one of them.");
    }
}
