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
        // The agency's involvements in page order (their index: agency, draft or not, due end, plan, ordinal): a page
        // reads its own rows and the total is counted from the index, whatever the number of items across years.
        var involved = db.PlanItemAgencies.Where(x => x.AgencyId == agencyId);
        if (query.Role == AgencyRole.Lead) involved = involved.Where(x => x.Leads);
        if (query.Role == AgencyRole.Coordinator) involved = involved.Where(x => !x.Leads);
        if (!query.IncludeDrafts) involved = involved.Where(x => !x.PlanIsDraft);
        if (query.Year is { } year) involved = involved.Where(x => x.Plan!.Year == year);
        if (query.PlanId is { } planId) involved = involved.Where(x => x.PlanId == planId);
        // Item conditions through the row's item, so that PostgreSQL checks them on the agency's own rows (never a
        // search of the whole store for, say, every overdue item).
        if (query.Status is { } status) involved = involved.Where(x => x.Item!.Status == status);
        if (query.Overdue is { } overdue) involved = involved.Where(OfItem(overdue ? ItemRules.Overdue(today) : ItemRules.NotOverdue(today)));
        var page = await involved
            .OrderBy(x => x.DueEnd).ThenBy(x => x.PlanId).ThenBy(x => x.Ordinal)
            .Select(x => x.Item!)
            .Select(PlanItemDto.Projection)
            .ToPageAsync(query, ct);
        return page with { Items = page.Items.Select(i => i.AsOf(today)).ToList() };
    }

    /// <summary>A condition on an item, as a condition on an involvement row of that item.</summary>
    private static Expression<Func<PlanItemAgency, bool>> OfItem(Expression<Func<PlanItem, bool>> condition)
    {
        var row = Expression.Parameter(typeof(PlanItemAgency), "x");
        var item = Expression.Property(row, nameof(PlanItemAgency.Item));
        return Expression.Lambda<Func<PlanItemAgency, bool>>(ReplacingExpressionVisitor.Replace(condition.Parameters[0], item, condition.Body), row);
    }
}
