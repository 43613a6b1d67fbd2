using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;

namespace PlanApi.Features.ProgressReports;

public sealed record GetProgressReportQuery(Guid Id) : IQuery<ProgressReportDto>;

internal sealed class GetProgressReportHandler(PlanDbContext db) : IQueryHandler<GetProgressReportQuery, ProgressReportDto>
{
    public async ValueTask<ProgressReportDto> Handle(GetProgressReportQuery query, CancellationToken ct) =>
        await db.ProgressReports.AsNoTracking().Where(r => r.Id == query.Id).Select(ProgressReportDto.Projection).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("Progress report", query.Id.ToString());
}
