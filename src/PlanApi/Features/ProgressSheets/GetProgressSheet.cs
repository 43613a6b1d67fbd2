using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;
using PlanApi.Features.Agencies;
using PlanApi.Features.Items;

namespace PlanApi.Features.ProgressSheets;

/// <summary>One row of a progress sheet: an open item, or one open occurrence of a recurring item.</summary>
/// <param name="Version">The item's row version when the sheet was made: an upload whose item has another is stale.</param>
/// <param name="PeriodFrom">A recurring item's occurrence, written into the period cells; null for other items.</param>
public sealed record ProgressSheetLine(
    Guid PlanId, int Ordinal, uint Version, string PlanNumber, string Content, string Due, ItemStatus Status, int PercentComplete,
    DateOnly? PeriodFrom, DateOnly? PeriodTo);

/// <summary>What an agency's progress sheet is written from.</summary>
public sealed record ProgressSheet(string AgencyCode, string AgencyName, IReadOnlyList<ProgressSheetLine> Lines);

public sealed record GetProgressSheetQuery(string Code) : IQuery<ProgressSheet>;

internal sealed class GetProgressSheetHandler(PlanDbContext db, ListAgencyItemsHandler list, TimeProvider clock) : IQueryHandler<GetProgressSheetQuery, ProgressSheet>
{
    public async ValueTask<ProgressSheet> Handle(GetProgressSheetQuery query, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Code == query.Code).Select(a => new { a.Code, a.Name })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Agency", query.Code);
        var today = PlanCalendar.Today(clock);
        var items = await ProgressSheetItems.OpenAsync(db, list, query.Code, ct);
        return new ProgressSheet(agency.Code, agency.Name, items.SelectMany(i => ProgressSheetItems.Lines(i, today)).ToList());
    }
}

/// <summary>The items an agency reports on by sheet, read the same way for the download and for the upload.</summary>
internal static class ProgressSheetItems
{
    private const int PageSize = 500;

    /// <summary>
    /// The agency's to-do list (its own items and those inherited from the agencies it succeeded, exactly as
    /// GET /agencies/{code}/items lists them), kept to the open items of published plans: what it can report on.
    /// </summary>
    public static async Task<List<PlanItemDto>> OpenAsync(PlanDbContext db, ListAgencyItemsHandler list, string code, CancellationToken ct)
    {
        var items = new List<PlanItemDto>();
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await list.Handle(new ListAgencyItemsQuery(code, AgencyRole.Any, null, null, null, null, false, PageSize, offset), ct);
            items.AddRange(page.Items);
            if (!page.HasMore || page.Items.Count == 0) break;
        }
        var planIds = items.Select(i => i.PlanId).Distinct().ToList();
        var published = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id) && p.Lifecycle == PlanLifecycle.Published)
            .Select(p => p.Id).ToListAsync(ct);
        return items.Where(i => published.Contains(i.PlanId) && i.Status is not (ItemStatus.Completed or ItemStatus.Cancelled)).ToList();
    }

    /// <summary>
    /// One line per item; a recurring item gets one per occurrence no report covers yet that has begun by today (the
    /// late ones and the current one), or the next one when all of those are covered.
    /// </summary>
    public static IEnumerable<ProgressSheetLine> Lines(PlanItemDto item, DateOnly today)
    {
        var due = item.Due.Text ?? item.Due.End.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        ProgressSheetLine Line(DueOccurrence? o) => new(
            item.PlanId, item.Ordinal, item.Version, item.PlanNumber, item.Content, due, item.Status, item.PercentComplete, o?.Start, o?.End);

        if (item.Due is not { Kind: DueKind.Recurring, Recurrence: { } every })
        {
            yield return Line(null);
            yield break;
        }
        var days = item.OverdueDays ?? [];
        var open = DueOccurrences.Of(every, item.Due.Start.Year).Where(o => OverdueDays.Includes(days, o.Due.AddDays(1))).ToList();
        var begun = open.Where(o => o.Start <= today).ToList();
        var lines = begun.Count > 0 ? begun : open.Take(1).ToList();
        if (lines.Count == 0) yield return Line(null);
        foreach (var occurrence in lines) yield return Line(occurrence);
    }
}
