using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Plans;

/// <param name="IncludeDrafts">Drafts are visible to authenticated callers only.</param>
public sealed record ListPlansQuery(int? Year, string? Issuer, PlanLifecycle? Lifecycle, string? Q, bool IncludeDrafts, int Limit, int Offset)
    : IQuery<Page<PlanSummaryDto>>, IPagedQuery;

internal sealed class ListPlansValidator : AbstractValidator<ListPlansQuery>
{
    public ListPlansValidator()
    {
        Include(new PagedQueryValidator<ListPlansQuery>());
        RuleFor(q => q.Year).InclusiveBetween(PlanYears.First, PlanYears.Last);
        RuleFor(q => q.Issuer).MaximumLength(Limits.Code).Clean();
        RuleFor(q => q.Q).MaximumLength(200).Clean();
    }
}

internal sealed class ListPlansHandler(PlanDbContext db) : IQueryHandler<ListPlansQuery, Page<PlanSummaryDto>>
{
    public async ValueTask<Page<PlanSummaryDto>> Handle(ListPlansQuery query, CancellationToken ct)
    {
        var plans = db.Plans.AsNoTracking();
        if (!query.IncludeDrafts) plans = plans.Where(p => p.Lifecycle != PlanLifecycle.Draft);
        if (query.Year is { } year) plans = plans.Where(p => p.Year == year);
        if (!string.IsNullOrEmpty(query.Issuer)) plans = plans.Where(p => p.Issuer!.Code == query.Issuer);
        if (query.Lifecycle is { } lifecycle) plans = plans.Where(p => p.Lifecycle == lifecycle);
        var key = SearchText.Fold(query.Q);
        IOrderedQueryable<Plan> ordered;
        if (key.Length > 0)
        {
            // Best match first: how well the words of q match words of the number and title.
            ordered = plans.Where(p => EF.Functions.Like(p.SearchKey, $"%{key}%"))
                .OrderByDescending(p => EF.Functions.TrigramsWordSimilarity(key, p.SearchKey));
        }
        else
        {
            ordered = plans.OrderByDescending(p => p.Year);
        }
        return await ordered.ThenByDescending(p => p.Year).ThenByDescending(p => p.IssuedOn).ThenBy(p => p.Number)
            .Select(PlanSummaryDto.Projection)
            .ToPageAsync(query, ct);
    }
}
