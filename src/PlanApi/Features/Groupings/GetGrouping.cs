using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;

namespace PlanApi.Features.Groupings;

public sealed record GetGroupingQuery(string Code) : IQuery<GroupingDto>;

internal sealed class GetGroupingHandler(PlanDbContext db) : IQueryHandler<GetGroupingQuery, GroupingDto>
{
    public async ValueTask<GroupingDto> Handle(GetGroupingQuery query, CancellationToken ct) =>
        await db.Groupings.AsNoTracking().Where(g => g.Code == query.Code).Select(GroupingDto.Projection).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("Grouping", query.Code);
}
