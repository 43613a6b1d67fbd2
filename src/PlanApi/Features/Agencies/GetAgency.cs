using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Agencies;

public sealed record GetAgencyQuery(string Code) : IQuery<AgencyDto>;

internal sealed class GetAgencyHandler(PlanDbContext db, TimeProvider clock) : IQueryHandler<GetAgencyQuery, AgencyDto>
{
    public async ValueTask<AgencyDto> Handle(GetAgencyQuery query, CancellationToken ct) =>
        await AgencyReads.CompleteAsync(db,
            await db.Agencies.AsNoTracking().Where(a => a.Code == query.Code).Select(AgencyDto.Projection).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("Agency", query.Code),
            PlanCalendar.Today(clock), ct);
}
