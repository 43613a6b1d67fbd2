using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Items;

public sealed record GetPlanItemQuery(Guid PlanId, int Ordinal) : IQuery<PlanItemDto>;

internal sealed class GetPlanItemHandler(PlanDbContext db, TimeProvider clock) : IQueryHandler<GetPlanItemQuery, PlanItemDto>
{
    public async ValueTask<PlanItemDto> Handle(GetPlanItemQuery query, CancellationToken ct)
    {
        var item = await db.PlanItems.AsNoTracking()
            .Where(i => i.PlanId == query.PlanId && i.Ordinal == query.Ordinal)
            .Select(PlanItemDto.Projection)
            .SingleOrDefaultAsync(ct);
        if (item is null)
        {
            if (!await db.Plans.AnyAsync(p => p.Id == query.PlanId, ct)) throw new NotFoundException("Plan", query.PlanId.ToString());
            throw new NotFoundException("Item", $"{query.Ordinal}");
        }
        return item.AsOf(PlanCalendar.Today(clock));
    }
}
