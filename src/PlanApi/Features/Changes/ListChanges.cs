using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Changes;

/// <summary>One create, update or delete.</summary>
/// <param name="Sequence">Position in the feed: increasing, not consecutive. Pass the last one you processed as <c>after</c>.</param>
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
    /// <summary>How long a page waits for writes that began earlier to finish, when newer ones already committed.</summary>
    private static readonly TimeSpan SettleWait = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan SettleStep = TimeSpan.FromMilliseconds(10);

    public async ValueTask<ChangePage> Handle(ListChangesQuery query, CancellationToken ct)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            // Only final positions (below the horizon): a write still running can never commit one below them, so
            // continuing "after the cursor" never skips a change.
            var rows = await Visible(query.After, query.IncludeDrafts)
                .Where(c => c.Sequence < PlanDbContext.ChangeFeedHorizon())
                .OrderBy(c => c.Sequence)
                .Take(query.Limit + 1)
                .Select(c => new ChangeDto(c.Sequence, c.OccurredAt, c.Action, c.ResourceType, c.ResourceKey, c.Version, c.Link))
                .ToListAsync(ct);
            var page = rows.Take(query.Limit).ToList();
            var cursor = page.Count > 0 ? page[^1].Sequence : query.After;
            // Changes already committed but not final wait on an older write still running (milliseconds): wait for
            // it, briefly, so that a client sees its own write in the feed at once.
            if (rows.Count > query.Limit || waited >= SettleWait
                || !await Visible(cursor, query.IncludeDrafts).AnyAsync(c => c.Sequence >= PlanDbContext.ChangeFeedHorizon(), ct))
            {
                return new ChangePage(page, cursor, $"/api/v1/changes?after={cursor}&limit={query.Limit}", rows.Count > query.Limit);
            }
            // Real time, not the TimeProvider: what it waits for is another transaction in PostgreSQL, which runs on the
            // real clock; a test clock that stands still would hold the page for ever. Bounded by the count of steps.
            await Task.Delay(SettleStep, ct);
            waited += SettleStep;
        }
    }

    private IQueryable<ChangeRecord> Visible(long after, bool includeDrafts) =>
        db.ChangeRecords.AsNoTracking().Where(c => c.Sequence > after && (includeDrafts || c.Public));
}
