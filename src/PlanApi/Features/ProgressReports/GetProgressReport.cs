using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;

namespace PlanApi.Features.ProgressReports;

public sealed record GetProgressReportQuery(Guid Id) : IQuery<ProgressReportDto>;

internal sealed class GetProgressReportHandler(PlanDbContext db) : IQueryHandler<GetProgressReportQuery, ProgressReportDto>
{
    public async ValueTask<ProgressReportDto> Handle(GetProgressReportQuery query, CancellationToken ct) =>
        await FindAsync(db, query.Id, ct) ?? throw new NotFoundException("Progress report", query.Id.ToString());

    /// <summary>The report as a GET shows it, or null.</summary>
    public static Task<ProgressReportDto?> FindAsync(PlanDbContext db, Guid id, CancellationToken ct) =>
        db.ProgressReports.AsNoTracking().Where(r => r.Id == id).Select(ProgressReportDto.Projection).SingleOrDefaultAsync(ct);
}
