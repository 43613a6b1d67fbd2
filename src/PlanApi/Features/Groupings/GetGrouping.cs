using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;

namespace PlanApi.Features.Groupings;

public sealed record GetGroupingQuery(string Code) : IQuery<GroupingDto>;

internal sealed class GetGroupingHandler(PlanDbContext db) : IQueryHandler<GetGroupingQuery, GroupingDto>
{
    public async ValueTask<GroupingDto> Handle(GetGroupingQuery query, CancellationToken ct) =>
        await FindAsync(db, query.Code, ct) ?? throw new NotFoundException("Grouping", query.Code);

    /// <summary>The grouping as a GET shows it, or null.</summary>
    public static Task<GroupingDto?> FindAsync(PlanDbContext db, string code, CancellationToken ct) =>
        db.Groupings.AsNoTracking().Where(g => g.Code == code).Select(GroupingDto.Projection).SingleOrDefaultAsync(ct);
}
