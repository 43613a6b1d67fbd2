using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.ProgressReports;

/// <summary>An item's reports, newest first.</summary>
/// <param name="IncludeDrafts">Items of draft plans are visible to authenticated callers only.</param>
public sealed record ListProgressReportsQuery(Guid PlanId, int Ordinal, bool IncludeDrafts, int Limit, int Offset) : IQuery<Page<ProgressReportDto>>, IPagedQuery;

internal sealed class ListProgressReportsValidator : AbstractValidator<ListProgressReportsQuery>
{
    public ListProgressReportsValidator() => Include(new PagedQueryValidator<ListProgressReportsQuery>());
}

internal sealed class ListProgressReportsHandler(PlanDbContext db) : IQueryHandler<ListProgressReportsQuery, Page<ProgressReportDto>>
{
    public async ValueTask<Page<ProgressReportDto>> Handle(ListProgressReportsQuery query, CancellationToken ct)
    {
        var itemId = await db.PlanItems
            .Where(i => i.PlanId == query.PlanId && i.Ordinal == query.Ordinal)
            .Where(i => query.IncludeDrafts || i.Plan!.Lifecycle != PlanLifecycle.Draft)
            .Select(i => (Guid?)i.Id).SingleOrDefaultAsync(ct)
            ?? throw (query.IncludeDrafts
                ? await Items.PlanItemErrors.NotFoundAsync(db, query.PlanId, query.Ordinal, ct)
                : new NotFoundException("Item", $"{query.Ordinal}"));
        return await db.ProgressReports.AsNoTracking().Where(r => r.PlanItemId == itemId)
            .OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id)
            .Select(ProgressReportDto.Projection)
            .ToPageAsync(query, ct);
    }
}
