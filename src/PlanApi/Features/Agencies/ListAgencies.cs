using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Agencies;

public sealed record ListAgenciesQuery(string? Q, AgencyKind? Kind, int Limit, int Offset) : IQuery<Page<AgencyDto>>, IPagedQuery;

internal sealed class ListAgenciesValidator : AbstractValidator<ListAgenciesQuery>
{
    public ListAgenciesValidator()
    {
        Include(new PagedQueryValidator<ListAgenciesQuery>());
        RuleFor(q => q.Q).MaximumLength(200).Clean();
    }
}

internal sealed class ListAgenciesHandler(PlanDbContext db) : IQueryHandler<ListAgenciesQuery, Page<AgencyDto>>
{
    public async ValueTask<Page<AgencyDto>> Handle(ListAgenciesQuery query, CancellationToken ct)
    {
        var agencies = db.Agencies.AsNoTracking();
        if (query.Kind is { } kind) agencies = agencies.Where(a => a.Kind == kind);
        var key = SearchText.Fold(query.Q);
        if (key.Length > 0)
        {
            var pattern = $"%{key}%";
            agencies = agencies
                .Where(a => EF.Functions.Like(a.SearchKey, pattern) || a.Code == query.Q)
                .OrderByDescending(a => a.Code == query.Q)
                .ThenByDescending(a => EF.Functions.Like(a.SearchKey, $"%| {key} |%"))
                .ThenByDescending(a => EF.Functions.TrigramsWordSimilarity(key, a.SearchKey))
                .ThenBy(a => a.Code);
        }
        else
        {
            agencies = agencies.OrderBy(a => a.Code);
        }
        return await agencies.Select(AgencyDto.Projection).ToPageAsync(query, ct);
    }
}
