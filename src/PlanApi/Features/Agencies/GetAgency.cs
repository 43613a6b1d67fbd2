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
        await FindAsync(db, clock, query.Code, ct) ?? throw new NotFoundException("Agency", query.Code);

    /// <summary>The agency as a GET shows it today, or null.</summary>
    public static async Task<AgencyDto?> FindAsync(PlanDbContext db, TimeProvider clock, string code, CancellationToken ct) =>
        await db.Agencies.AsNoTracking().Where(a => a.Code == code).Select(AgencyDto.Projection).SingleOrDefaultAsync(ct) is { } agency
            ? await AgencyReads.CompleteAsync(db, agency, PlanCalendar.Today(clock), ct)
            : null;
}
