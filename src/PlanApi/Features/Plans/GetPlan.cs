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
        await FindAsync(db, query.Id, query.IncludeDrafts, ct) ?? throw new NotFoundException("Plan", query.Id.ToString());

    /// <summary>The plan as a GET shows it, or null.</summary>
    public static Task<PlanDto?> FindAsync(PlanDbContext db, Guid id, bool includeDrafts, CancellationToken ct) =>
        db.Plans.AsNoTracking()
            .Where(p => p.Id == id && (includeDrafts || p.Lifecycle != PlanLifecycle.Draft))
            .Select(PlanDto.Projection)
            .SingleOrDefaultAsync(ct);
}
