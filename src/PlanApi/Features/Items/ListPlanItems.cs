using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Items;

/// <summary>Filters a plan's items; every filter is optional and they combine with AND.</summary>
public sealed record ListPlanItemsQuery(
    Guid PlanId,
    int? Quarter,
    string? Lead,
    string? Agency,
    ItemStatus? Status,
    bool? Overdue,
    string? Q,
    bool IncludeDrafts,
    int Limit,
    int Offset,
    string? Group = null) : IQuery<Page<PlanItemDto>>, IPagedQuery;

internal sealed class ListPlanItemsValidator : AbstractValidator<ListPlanItemsQuery>
{
    public ListPlanItemsValidator()
    {
        Include(new PagedQueryValidator<ListPlanItemsQuery>());
        RuleFor(q => q.Quarter).InclusiveBetween(1, 4);
        RuleFor(q => q.Lead).MaximumLength(Limits.Code).Clean();
        RuleFor(q => q.Agency).MaximumLength(Limits.Code).Clean();
        RuleFor(q => q.Q).MaximumLength(200).Clean();
        RuleFor(q => q.Group).MaximumLength(Limits.Name).Clean();
    }
}

internal sealed class ListPlanItemsHandler(
    PlanDbContext db, ItemViews views, ConditionalGetCache answers, TimeProvider clock) : IQueryHandler<ListPlanItemsQuery, Page<PlanItemDto>>
{
    /// <summary>A page is kept as the answer to its query under the store's generation and the day (see ListAgencyItemsHandler).</summary>
    public async ValueTask<Page<PlanItemDto>> Handle(ListPlanItemsQuery query, CancellationToken ct)
    {
        var today = PlanCalendar.Today(clock);
        return await answers.AnswerAsync(query, today, token => ComputeAsync(query, today, token), ct);
    }

    private async Task<Page<PlanItemDto>> ComputeAsync(ListPlanItemsQuery query, DateOnly today, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == query.PlanId && (query.IncludeDrafts || p.Lifecycle != PlanLifecycle.Draft), ct)) throw new NotFoundException("Plan", query.PlanId.ToString());
        var items = PlanItemFilters.Apply(
            db.PlanItems.AsNoTracking().Where(i => i.PlanId == query.PlanId),
            query.Quarter, query.Lead, query.Agency, query.Status, query.Overdue, query.Q, today);
        // A group by its label as printed ("II") or, for an unmarked heading, its title.
        if (query.Group?.Trim() is { Length: > 0 } group) items = items.Where(i => i.GroupLabel == group || i.GroupTitle == group);
        var key = SearchText.Fold(query.Q);
        var ordered = key.Length > 0
            ? items.OrderByDescending(i => EF.Functions.TrigramsWordSimilarity(key, i.SearchKey)).ThenBy(i => i.Ordinal)
            : items.OrderBy(i => i.Ordinal);
        // The page's keys from the store, its items from the read model.
        var page = await ordered.Select(i => new ItemKey(i.Id, i.PlanId, i.Ordinal)).ToPageAsync(query, ct);
        var shown = await views.GetAsync(db, page.Items, ct);
        return page.With(shown.Select(v => v.Item.AsOf(today)).ToList());
    }
}

/// <summary>Item filters shared by a plan's item list and an agency's to-do list.</summary>
internal static class PlanItemFilters
{
    public static IQueryable<PlanItem> Apply(IQueryable<PlanItem> items, int? quarter, string? lead, string? agency,
        ItemStatus? status, bool? overdue, string? q, DateOnly today)
    {
        if (quarter is { } quarterValue) items = items.Where(i => i.Quarter == quarterValue);
        if (!string.IsNullOrEmpty(lead)) items = items.Where(i => i.LeadAgency!.Code == lead);
        if (!string.IsNullOrEmpty(agency))
            items = items.Where(i => i.LeadAgency!.Code == agency || i.Coordinators.Any(c => c.Agency!.Code == agency));
        if (status is { } statusValue) items = items.Where(i => i.Status == statusValue);
        if (overdue is { } overdueValue) items = items.Where(overdueValue ? ItemRules.Overdue(today) : ItemRules.NotOverdue(today));
        // A substring test (strpos) rather than LIKE: exact for any folded text, and planned the same whatever the
        // text, so a prepared statement's generic plan stays on the plan's (or agency's) own items instead of
        // intersecting them with the trigram index, which for a common phrase reads a large part of the store.
        var key = SearchText.Fold(q);
        if (key.Length > 0) items = items.Where(i => i.SearchKey.IndexOf(key) >= 0);
        return items;
    }
}
