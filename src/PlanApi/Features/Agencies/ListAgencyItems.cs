using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
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

/// <summary>A district's or department's to-do list: every item it leads or co-operates on, across plans.</summary>
public sealed record ListAgencyItemsQuery(
    string Code, AgencyRole Role, int? Year, Guid? PlanId, ItemStatus? Status, bool? Overdue, bool IncludeDrafts, int Limit, int Offset)
    : IQuery<Page<PlanItemDto>>, IPagedQuery;

internal sealed class ListAgencyItemsValidator : AbstractValidator<ListAgencyItemsQuery>
{
    public ListAgencyItemsValidator()
    {
        Include(new PagedQueryValidator<ListAgencyItemsQuery>());
        RuleFor(q => q.Year).InclusiveBetween(2000, 2100);
        RuleFor(q => q.Role).IsInEnum();
    }
}

internal sealed class ListAgencyItemsHandler(PlanDbContext db, TimeProvider clock) : IQueryHandler<ListAgencyItemsQuery, Page<PlanItemDto>>
{
    public async ValueTask<Page<PlanItemDto>> Handle(ListAgencyItemsQuery query, CancellationToken ct)
    {
        var agencyId = await db.Agencies.Where(a => a.Code == query.Code).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Agency", query.Code);
        var today = PlanCalendar.Today(clock);
        // The agency's items by its two indexes (items it leads, items it co-operates on), never a scan of every
        // item of every plan: the cost follows the agency's own items, not the store.
        var leads = db.PlanItems.Where(i => i.LeadAgencyId == agencyId).Select(i => i.Id);
        var coordinates = db.Set<PlanItemCoordinator>().Where(c => c.AgencyId == agencyId).Select(c => c.PlanItemId);
        var involved = query.Role switch
        {
            AgencyRole.Lead => leads,
            AgencyRole.Coordinator => coordinates,
            _ => leads.Concat(coordinates),
        };
        var items = db.PlanItems.AsNoTracking().Where(i => involved.Contains(i.Id));
        if (!query.IncludeDrafts) items = items.Where(i => i.Plan!.Lifecycle != PlanLifecycle.Draft);
        if (query.Year is { } year) items = items.Where(i => i.Plan!.Year == year);
        if (query.PlanId is { } planId) items = items.Where(i => i.PlanId == planId);
        items = PlanItemFilters.Apply(items, null, null, null, query.Status, query.Overdue, null, today);
        var page = await items
            .OrderBy(i => i.DueEnd).ThenBy(i => i.PlanId).ThenBy(i => i.Ordinal)
            .Select(PlanItemDto.Projection)
            .ToPageAsync(query, ct);
        return page with { Items = page.Items.Select(i => i.AsOf(today)).ToList() };
    }
}
