using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;

namespace PlanApi.Features.ProgressReports;

/// <summary>An item's reports, newest first.</summary>
public sealed record ListProgressReportsQuery(Guid PlanId, int Ordinal, int Limit, int Offset) : IQuery<Page<ProgressReportDto>>, IPagedQuery;

internal sealed class ListProgressReportsValidator : AbstractValidator<ListProgressReportsQuery>
{
    public ListProgressReportsValidator() => Include(new PagedQueryValidator<ListProgressReportsQuery>());
}

internal sealed class ListProgressReportsHandler(PlanDbContext db) : IQueryHandler<ListProgressReportsQuery, Page<ProgressReportDto>>
{
    public async ValueTask<Page<ProgressReportDto>> Handle(ListProgressReportsQuery query, CancellationToken ct)
    {
        var itemId = await db.PlanItems.Where(i => i.PlanId == query.PlanId && i.Ordinal == query.Ordinal)
            .Select(i => (Guid?)i.Id).SingleOrDefaultAsync(ct)
            ?? throw await Items.PlanItemErrors.NotFoundAsync(db, query.PlanId, query.Ordinal, ct);
        return await db.ProgressReports.AsNoTracking().Where(r => r.PlanItemId == itemId)
            .OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id)
            .Select(ProgressReportDto.Projection)
            .ToPageAsync(query, ct);
    }
}
