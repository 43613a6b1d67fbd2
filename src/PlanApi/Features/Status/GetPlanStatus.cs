using Mediator;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;
using PlanApi.Features.Agencies;

namespace PlanApi.Features.Status;

public sealed record GetPlanStatusQuery(Guid PlanId, bool IncludeDrafts) : IQuery<PlanStatusDto>;

internal sealed class GetPlanStatusHandler(PlanDbContext db, TimeProvider clock, ConditionalGetCache cache, StoreVersionMonitor monitor)
    : IQueryHandler<GetPlanStatusQuery, PlanStatusDto>
{
    private const int DueSoonDays = 30;

    /// <summary>
    /// The e-portal polls status all day while writes are rare. A status is cached per plan and visibility under the
    /// store's version and the day: every write that can change a status records a change in its own transaction, so
    /// a new version means "recompute", and the newest status replaces the older one. The version comes from the
    /// <see cref="StoreVersionMonitor"/> (this instance's writes at once, other instances' within its interval), or
    /// from the database when the monitor has no recent answer.
    /// </summary>
    public async ValueTask<PlanStatusDto> Handle(GetPlanStatusQuery query, CancellationToken ct)
    {
        object version = monitor.TryGetGeneration(out var generation) ? generation : await ChangeFeed.VersionAsync(db, ct);
        var today = PlanCalendar.Today(clock);
        if (cache.TryGetAnswer<PlanStatusDto>(query, version, today, out var kept)) return kept;
        var status = await ComputeAsync(query, today, ct);
        cache.KeepAnswer(query, version, today, status);
        return status;
    }

    private async Task<PlanStatusDto> ComputeAsync(GetPlanStatusQuery query, DateOnly today, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking()
            .Where(p => p.Id == query.PlanId && (query.IncludeDrafts || p.Lifecycle != PlanLifecycle.Draft))
            .Select(p => new { p.Id, p.Number, p.Title, p.Lifecycle, p.UpdatedAt })
            .SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Plan", query.PlanId.ToString());
        var items = await db.PlanItems.AsNoTracking()
            .Where(i => i.PlanId == plan.Id)
            .OrderBy(i => i.Ordinal)
            .Select(i => new
            {
                i.Ordinal, i.Quarter, i.GroupLabel, i.GroupTitle, i.Content, i.Status, i.DueKind, i.OverdueDays, i.DueEnd, i.DueText,
                Every = i.DueFrequency == null ? null : new DueRecurrence(i.DueFrequency.Value, i.DueEveryMonth, i.DueEveryDay), i.CompletedOn, i.LastReportedAt, i.UpdatedAt,
                Lead = new AgencyRefDto(i.LeadAgency!.Code, i.LeadAgency.Name, i.LeadAgency.ShortName),
            })
            .ToListAsync(ct);

        bool Overdue(ItemStatus s, NpgsqlRange<DateOnly>[] days) => ItemRules.IsOverdue(s, days, today);
        var byStatus = StatusCounts.Of(items.Select(i => i.Status));
        var countable = items.Count - byStatus.Cancelled;
        var lastReport = items.Max(i => i.LastReportedAt);
        var asOf = items.Select(i => i.UpdatedAt).Append(plan.UpdatedAt).Max();

        return new PlanStatusDto(
            plan.Id, plan.Number, plan.Title, plan.Lifecycle, asOf, today, items.Count,
            countable == 0 ? 0 : Math.Round(100m * byStatus.Completed / countable, 1),
            byStatus,
            items.Count(i => Overdue(i.Status, i.OverdueDays)),
            items.Count(i => ItemRules.CompletedLate(i.Status, i.CompletedOn, i.OverdueDays)),
            items.GroupBy(i => i.Quarter).OrderBy(g => g.Key)
                .Select(g => new QuarterStatus(g.Key, g.Count(), g.Count(i => i.Status == ItemStatus.Completed), g.Count(i => Overdue(i.Status, i.OverdueDays))))
                .ToList(),
            items.GroupBy(i => i.Lead.Code)
                .Select(g => new LeadStatus(g.First().Lead, g.Count(), g.Count(i => i.Status == ItemStatus.Completed), g.Count(i => Overdue(i.Status, i.OverdueDays))))
                .OrderByDescending(l => l.Total).ThenBy(l => l.Agency.Code)
                .ToList(),
            items.Where(i => Overdue(i.Status, i.OverdueDays))
                .Select(i => new OverdueItem(i.Ordinal, i.Content, i.Lead, i.Status, OverdueDays.Since(i.OverdueDays, today)!.Value.AddDays(-1),
                    i.DueText, ItemRules.DaysOverdue(i.Status, i.OverdueDays, today), i.DueKind))
                .OrderByDescending(i => i.DaysOverdue).ThenBy(i => i.Ordinal)
                .ToList(),
            items.Select(i => (Item: i, Next: ItemRules.NextDue(i.Status, i.DueKind, i.DueEnd, i.Every, i.OverdueDays, today)))
                .Where(x => x.Next is { } next && next <= today.AddDays(DueSoonDays))
                .Select(x => new DueSoonItem(x.Item.Ordinal, x.Item.Content, x.Item.Lead, x.Item.Status, x.Next!.Value, x.Item.DueText, x.Item.DueKind))
                .OrderBy(i => i.DueEnd).ThenBy(i => i.Ordinal)
                .ToList(),
            lastReport,
            // In document order: a group comes where its first item does (items are read in ordinal order).
            items.Where(i => i.GroupTitle is not null).GroupBy(i => (i.GroupLabel, i.GroupTitle))
                .Select(g => new ItemGroupStatus(g.Key.GroupLabel, g.Key.GroupTitle!, g.Count(), g.Count(i => i.Status == ItemStatus.Completed),
                    g.Count(i => Overdue(i.Status, i.OverdueDays))))
                .ToList(),
            items.Count(i => i.DueKind == DueKind.Ongoing),
            items.Count(i => i.DueKind == DueKind.Recurring));
    }
}
