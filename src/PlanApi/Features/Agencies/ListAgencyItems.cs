using System.Linq.Expressions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;
using PlanApi.Features.Items;

namespace PlanApi.Features.Agencies;

/// <summary>How the agency is involved in an item.</summary>
public enum AgencyRole
{
    /// <summary>Leads or co-operates.</summary>
    Any,
    /// <summary>Leads (chủ trì).</summary>
    Lead,
    /// <summary>Co-operates (phối hợp).</summary>
    Coordinator,
}

/// <summary>
/// A district's or department's to-do list: every item it leads or co-operates on, across plans, and the open items of
/// the agencies it succeeded (marked with the predecessor they are inherited from).
/// </summary>
public sealed record ListAgencyItemsQuery(
    string Code, AgencyRole Role, int? Year, Guid? PlanId, ItemStatus? Status, bool? Overdue, bool IncludeDrafts, int Limit, int Offset)
    : IQuery<Page<PlanItemDto>>, IPagedQuery;

internal sealed class ListAgencyItemsValidator : AbstractValidator<ListAgencyItemsQuery>
{
    public ListAgencyItemsValidator()
    {
        Include(new PagedQueryValidator<ListAgencyItemsQuery>());
        RuleFor(q => q.Year).InclusiveBetween(PlanYears.First, PlanYears.Last);
        RuleFor(q => q.Role).IsInEnum();
    }
}

internal sealed class ListAgencyItemsHandler(
    PlanDbContext db, AgencyDirectory agencies, ItemViews views, ConditionalGetCache answers, TimeProvider clock) : IQueryHandler<ListAgencyItemsQuery, Page<PlanItemDto>>
{
    /// <summary>
    /// A page is kept as the answer to its query under the store's generation and the day (as a plan's status is):
    /// the next identical request reads nothing, and any write makes it computed again.
    /// </summary>
    public async ValueTask<Page<PlanItemDto>> Handle(ListAgencyItemsQuery query, CancellationToken ct)
    {
        var today = PlanCalendar.Today(clock);
        return await answers.AnswerAsync(query, today, token => ComputeAsync(query, today, token), ct);
    }

    private async Task<Page<PlanItemDto>> ComputeAsync(ListAgencyItemsQuery query, DateOnly today, CancellationToken ct)
    {
        var agency = await agencies.FindAsync(db, query.Code, ct) ?? throw new NotFoundException("Agency", query.Code);
        var predecessors = agency.Inherits ? await AgencyLineage.PredecessorsAsync(db, agency.Id, ct) : [];
        // The agency's involvements in page order (their index: agency, draft or not, due end, plan, ordinal): a page
        // reads its own rows and the total is counted from the index, whatever the number of items across years.
        var involved = predecessors.Count == 0
            ? db.PlanItemAgencies.Where(x => x.AgencyId == agency.Id)
            : WithInherited(agency.Id, predecessors, query.Role);
        if (query.Role == AgencyRole.Lead) involved = involved.Where(x => x.Leads);
        if (query.Role == AgencyRole.Coordinator) involved = involved.Where(x => !x.Leads);
        if (!query.IncludeDrafts) involved = involved.Where(x => !x.PlanIsDraft);
        if (query.Year is { } year) involved = involved.Where(x => x.Plan!.Year == year);
        if (query.PlanId is { } planId) involved = involved.Where(x => x.PlanId == planId);
        // Item conditions through the row's item, so that PostgreSQL checks them on the agency's own rows (never a
        // search of the whole store for, say, every overdue item).
        if (query.Status is { } status) involved = involved.Where(x => x.Item!.Status == status);
        if (query.Overdue is { } overdue) involved = involved.Where(OfItem(overdue ? ItemRules.Overdue(today) : ItemRules.NotOverdue(today)));
        // The page's keys from the agency's own index range, its items from the read model.
        var page = await involved
            .OrderBy(x => x.DueEnd).ThenBy(x => x.PlanId).ThenBy(x => x.Ordinal)
            .Select(x => new ItemKey(x.PlanItemId, x.PlanId, x.Ordinal))
            .ToPageAsync(query, ct);
        var items = (await views.GetAsync(db, page.Items, ct)).Select(v => v.Item.AsOf(today)).ToList();
        if (predecessors.Count > 0) items = await MarkInheritedAsync(items, agency.Id, predecessors, ct);
        return page.With(items);
    }

    /// <summary>
    /// The agency's own rows, and its predecessors' rows of open items: one row per item, the agency's own when it has
    /// one, else the nearest predecessor's (the order of <paramref name="predecessors"/>).
    /// </summary>
    private IQueryable<PlanItemAgency> WithInherited(Guid self, List<Guid> predecessors, AgencyRole role)
    {
        var ranked = predecessors.Prepend(self).ToArray();
        var lead = role == AgencyRole.Lead;
        var any = role == AgencyRole.Any;
        return db.PlanItemAgencies
            .Where(x => x.AgencyId == self
                || (ranked.Contains(x.AgencyId) && x.Item!.Status != ItemStatus.Completed && x.Item.Status != ItemStatus.Cancelled))
            .Where(x => !db.PlanItemAgencies.Any(y => y.PlanItemId == x.PlanItemId && ranked.Contains(y.AgencyId)
                && (any || y.Leads == lead)
                && Array.IndexOf(ranked, y.AgencyId) < Array.IndexOf(ranked, x.AgencyId)));
    }

    /// <summary>Names, on each item the agency has by succession, the predecessor the plan names.</summary>
    private async Task<List<PlanItemDto>> MarkInheritedAsync(List<PlanItemDto> items, Guid self, List<Guid> predecessors, CancellationToken ct)
    {
        if (items.Count == 0) return items;
        var planIds = items.Select(i => i.PlanId).Distinct().ToList();
        var ranked = predecessors.Prepend(self).ToList();
        var rows = await db.PlanItemAgencies.AsNoTracking()
            .Where(x => planIds.Contains(x.PlanId) && ranked.Contains(x.AgencyId))
            .Join(db.Agencies, x => x.AgencyId, a => a.Id, (x, a) => new { x.PlanId, x.Ordinal, x.AgencyId, Ref = new AgencyRefDto(a.Code, a.Name, a.ShortName) })
            .ToListAsync(ct);
        return items.Select(item =>
        {
            var mine = rows.Where(r => r.PlanId == item.PlanId && r.Ordinal == item.Ordinal).OrderBy(r => ranked.IndexOf(r.AgencyId)).FirstOrDefault();
            return mine is null || mine.AgencyId == self ? item : item with { InheritedFrom = mine.Ref };
        }).ToList();
    }

    /// <summary>A condition on an item, as a condition on an involvement row of that item.</summary>
    private static Expression<Func<PlanItemAgency, bool>> OfItem(Expression<Func<PlanItem, bool>> condition)
    {
        var row = Expression.Parameter(typeof(PlanItemAgency), "x");
        var item = Expression.Property(row, nameof(PlanItemAgency.Item));
        return Expression.Lambda<Func<PlanItemAgency, bool>>(ReplacingExpressionVisitor.Replace(condition.Parameters[0], item, condition.Body), row);
    }
}
