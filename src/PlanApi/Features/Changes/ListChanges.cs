using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;

namespace PlanApi.Features.Changes;

/// <summary>One create, update or delete, in commit order.</summary>
/// <param name="Sequence">Position in the feed; pass the last one you processed as <c>after</c>.</param>
/// <param name="OccurredAt">When the change was committed.</param>
/// <param name="Action">create, update or delete.</param>
/// <param name="ResourceType">plan, plan_item, progress_report, agency or grouping.</param>
/// <param name="ResourceId">The resource's id or code ("{planId}/{ordinal}" for items).</param>
/// <param name="Version">The resource's ETag right after the change; null after a delete.</param>
/// <param name="Link">Where to read the resource now.</param>
public sealed record ChangeDto(long Sequence, DateTimeOffset OccurredAt, string Action, string ResourceType, string ResourceId, string? Version, string Link);

/// <summary>A page of the change feed.</summary>
/// <param name="Items">Changes after the cursor, oldest first.</param>
/// <param name="Cursor">The sequence to poll after next time (the last one on this page, or the one you sent).</param>
/// <param name="Next">The URL to poll next.</param>
/// <param name="HasMore">More changes are waiting: poll <c>next</c> at once.</param>
public sealed record ChangePage(IReadOnlyList<ChangeDto> Items, long Cursor, string Next, bool HasMore);

public sealed record ListChangesQuery(long After, int Limit, bool IncludeDrafts) : IQuery<ChangePage>;

internal sealed class ListChangesValidator : AbstractValidator<ListChangesQuery>
{
    public ListChangesValidator()
    {
        RuleFor(q => q.After).GreaterThanOrEqualTo(0).OverridePropertyName("after");
        RuleFor(q => q.Limit).InclusiveBetween(1, 1000).OverridePropertyName("limit");
    }
}

internal sealed class ListChangesHandler(PlanDbContext db) : IQueryHandler<ListChangesQuery, ChangePage>
{
    public async ValueTask<ChangePage> Handle(ListChangesQuery query, CancellationToken ct)
    {
        // Sequences are taken in commit order (see WriteLogBehavior), so "after the cursor" never skips a change.
        var rows = await db.ChangeRecords.AsNoTracking()
            .Where(c => c.Sequence > query.After && (query.IncludeDrafts || c.Public))
            .OrderBy(c => c.Sequence)
            .Take(query.Limit + 1)
            .Select(c => new ChangeDto(c.Sequence, c.OccurredAt, c.Action, c.ResourceType, c.ResourceKey, c.Version, c.Link))
            .ToListAsync(ct);
        var page = rows.Take(query.Limit).ToList();
        var cursor = page.Count > 0 ? page[^1].Sequence : query.After;
        return new ChangePage(page, cursor, $"/api/v1/changes?after={cursor}&limit={query.Limit}", rows.Count > query.Limit);
    }
}
