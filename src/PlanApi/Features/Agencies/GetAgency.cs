using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;

namespace PlanApi.Features.Agencies;

public sealed record GetAgencyQuery(string Code) : IQuery<AgencyDto>;

internal sealed class GetAgencyHandler(PlanDbContext db) : IQueryHandler<GetAgencyQuery, AgencyDto>
{
    public async ValueTask<AgencyDto> Handle(GetAgencyQuery query, CancellationToken ct) =>
        await db.Agencies.AsNoTracking().Where(a => a.Code == query.Code).Select(AgencyDto.Projection).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("Agency", query.Code);
}
