using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Plans;

public sealed record GetPlanQuery(Guid Id, bool IncludeDrafts) : IQuery<PlanDto>;

internal sealed class GetPlanHandler(PlanDbContext db) : IQueryHandler<GetPlanQuery, PlanDto>
{
    public async ValueTask<PlanDto> Handle(GetPlanQuery query, CancellationToken ct) =>
        await db.Plans.AsNoTracking()
            .Where(p => p.Id == query.Id && (query.IncludeDrafts || p.Lifecycle != PlanLifecycle.Draft))
            .Select(PlanDto.Projection)
            .SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("Plan", query.Id.ToString());
}
