using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;
using PlanApi.Features.Groupings;
using PlanApi.Features.ProgressReports;

namespace PlanApi.Features.Items;

/// <summary>An item as reads show it (before the day's fields, <see cref="PlanItemDto.AsOf"/>), and whether its plan is a draft.</summary>
public sealed record ItemView(Guid Id, bool InDraftPlan, PlanItemDto Item)
{
    /// <summary><see cref="PlanItemDto.Projection"/> with the item's id and its plan's state.</summary>
    public static readonly Expression<Func<PlanItem, ItemView>> Projection = Compose();

    private static Expression<Func<PlanItem, ItemView>> Compose()
    {
        Expression<Func<PlanItem, PlanItemDto, ItemView>> shape =
            (i, dto) => new ItemView(i.Id, i.Plan!.Lifecycle == PlanLifecycle.Draft, dto);
        var item = shape.Parameters[0];
        var dto = ReplacingExpressionVisitor.Replace(PlanItemDto.Projection.Parameters[0], item, PlanItemDto.Projection.Body);
        return Expression.Lambda<Func<PlanItem, ItemView>>(ReplacingExpressionVisitor.Replace(shape.Parameters[1], dto, shape.Body), item);
    }
}

/// <summary>An item a list query selected, in page order: its row's id, and the key its view is kept under.</summary>
public readonly record struct ItemKey(Guid Id, Guid PlanId, int Ordinal);

/// <summary>
/// The items' read model: each item as reads show it, kept in memory once read and dropped when a write changes it
/// (<see cref="IStoreChangeObserver"/>: this instance's writes as they commit, other instances' within one
/// <see cref="StoreVersionMonitor.Interval"/>). A GET by key is then a lookup in memory; a to-do page or a search
/// selects only its rows' keys in the store (one index range) and takes the items from here, reading the missing ones
/// in one query. A change to a plan or an agency (whose number and names items show) drops every item.
/// </summary>
/// <remarks>
/// While the store's version is not being read (<see cref="StoreVersionMonitor.TryGetGeneration"/> says no), nothing
/// is served from or kept in memory. A read that began before a write committed is not kept once the write is known
/// (<see cref="_epoch"/>), so a replaced state never outlives the notice of its change.
/// </remarks>
public sealed class ItemViews(StoreVersionMonitor monitor, IOptions<ConditionalGetOptions> options) : IStoreChangeObserver
{
    private readonly BoundedLru<(Guid PlanId, int Ordinal), ItemView> _views = new(options.Value.ItemCapacity);

    private readonly Lock _changing = new();

    /// <summary>Moves on every change notice: a read that started at another value may hold a replaced state.</summary>
    private long _epoch;

    /// <summary>The item (drafts included), or null when there is none.</summary>
    public async Task<ItemView?> FindAsync(PlanDbContext db, Guid planId, int ordinal, CancellationToken ct)
    {
        var usable = monitor.TryGetGeneration(out _);
        if (usable && _views.TryGet((planId, ordinal), out var kept)) return kept;
        var epoch = Volatile.Read(ref _epoch);
        var view = await db.PlanItems.AsNoTracking()
            .Where(i => i.PlanId == planId && i.Ordinal == ordinal)
            .Select(ItemView.Projection)
            .SingleOrDefaultAsync(ct);
        if (usable && view is not null) Keep([view], epoch);
        return view;
    }

    /// <summary>The items <paramref name="keys"/> name, in their order (one that was deleted meanwhile is left out).</summary>
    public async Task<List<ItemView>> GetAsync(PlanDbContext db, IReadOnlyList<ItemKey> keys, CancellationToken ct)
    {
        var usable = monitor.TryGetGeneration(out _);
        var views = new ItemView?[keys.Count];
        List<Guid> missing = [];
        for (var n = 0; n < keys.Count; n++)
        {
            if (usable && _views.TryGet((keys[n].PlanId, keys[n].Ordinal), out var kept) && kept.Id == keys[n].Id) views[n] = kept;
            else missing.Add(keys[n].Id);
        }
        if (missing.Count > 0)
        {
            var epoch = Volatile.Read(ref _epoch);
            var read = await db.PlanItems.AsNoTracking()
                .Where(i => missing.Contains(i.Id))
                .Select(ItemView.Projection)
                .ToDictionaryAsync(v => v.Id, ct);
            for (var n = 0; n < keys.Count; n++)
            {
                if (views[n] is null && read.TryGetValue(keys[n].Id, out var view)) views[n] = view;
            }
            if (usable) Keep(read.Values, epoch);
        }
        return [.. views.OfType<ItemView>()];
    }

    public void Changed(IReadOnlyCollection<ResourceChange> changes)
    {
        lock (_changing)
        {
            _epoch++;
            foreach (var change in changes)
            {
                switch (change.Type)
                {
                    case PlanItemResource.TypeName:
                        if (PlanItemResource.Parse(change.Key) is { } key) _views.Remove(key);
                        else _views.Clear();
                        break;
                    // A report's item is in the same write's changes; a grouping is not shown on items.
                    case ProgressReportResource.TypeName or GroupingResource.TypeName:
                        break;
                    // Plans (number, state) and agencies (names) are shown on their items; anything else, to be safe.
                    default:
                        _views.Clear();
                        return;
                }
            }
        }
    }

    public void Reset()
    {
        lock (_changing)
        {
            _epoch++;
            _views.Clear();
        }
    }

    private void Keep(IEnumerable<ItemView> views, long epoch)
    {
        lock (_changing)
        {
            if (_epoch != epoch) return;
            foreach (var view in views) _views.Set((view.Item.PlanId, view.Item.Ordinal), view);
        }
    }
}

public static class ItemViewsSetup
{
    /// <summary>The items' read model, told of every change the store's writes make.</summary>
    public static IServiceCollection AddItemViews(this IServiceCollection services) => services
        .AddSingleton<ItemViews>()
        .AddSingleton<IStoreChangeObserver>(sp => sp.GetRequiredService<ItemViews>());
}
