using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Groupings;

public sealed record ListGroupingsQuery(int? Year, GroupingKind? Kind, string? Member, int Limit, int Offset)
    : IQuery<Page<GroupingDto>>, IPagedQuery;

internal sealed class ListGroupingsValidator : AbstractValidator<ListGroupingsQuery>
{
    public ListGroupingsValidator()
    {
        Include(new PagedQueryValidator<ListGroupingsQuery>());
        RuleFor(q => q.Year).InclusiveBetween(PlanYears.First, PlanYears.Last);
        RuleFor(q => q.Member).MaximumLength(Limits.Code).Clean();
    }
}

internal sealed class ListGroupingsHandler(PlanDbContext db) : IQueryHandler<ListGroupingsQuery, Page<GroupingDto>>
{
    public async ValueTask<Page<GroupingDto>> Handle(ListGroupingsQuery query, CancellationToken ct)
    {
        var groupings = db.Groupings.AsNoTracking();
        if (query.Year is { } year) groupings = groupings.Where(g => g.Year == year);
        if (query.Kind is { } kind) groupings = groupings.Where(g => g.Kind == kind);
        if (!string.IsNullOrEmpty(query.Member)) groupings = groupings.Where(g => g.Members.Any(m => m.Agency!.Code == query.Member));
        return await groupings.OrderByDescending(g => g.Year).ThenBy(g => g.Kind).ThenBy(g => g.Code)
            .Select(GroupingDto.Projection)
            .ToPageAsync(query, ct);
    }
}
