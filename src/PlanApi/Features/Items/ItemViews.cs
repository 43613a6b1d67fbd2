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
public sealed class ItemViews(StoreVersionMonitor monitor, IOptions<ConditionalGetOptions> options) : IStoreChangeObserver
{
    private readonly ReadModelCache<(Guid PlanId, int Ordinal), ItemView> _views = new(monitor, options.Value.ItemCapacity);

    /// <summary>The item (drafts included), or null when there is none.</summary>
    public Task<ItemView?> FindAsync(PlanDbContext db, Guid planId, int ordinal, CancellationToken ct) =>
        _views.GetAsync((planId, ordinal), token => db.PlanItems.AsNoTracking()
            .Where(i => i.PlanId == planId && i.Ordinal == ordinal)
            .Select(ItemView.Projection)
            .SingleOrDefaultAsync(token), ct);

    /// <summary>The items <paramref name="keys"/> name, in their order (one that was deleted meanwhile is left out).</summary>
    public async Task<List<ItemView>> GetAsync(PlanDbContext db, IReadOnlyList<ItemKey> keys, CancellationToken ct)
    {
        var read = _views.Begin();
        var views = new ItemView?[keys.Count];
        List<Guid> missing = [];
        for (var n = 0; n < keys.Count; n++)
        {
            if (_views.TryGet(read, (keys[n].PlanId, keys[n].Ordinal), out var kept) && kept.Id == keys[n].Id) views[n] = kept;
            else missing.Add(keys[n].Id);
        }
        if (missing.Count > 0)
        {
            var found = await db.PlanItems.AsNoTracking()
                .Where(i => missing.Contains(i.Id))
                .Select(ItemView.Projection)
                .ToDictionaryAsync(v => v.Id, ct);
            for (var n = 0; n < keys.Count; n++)
            {
                if (views[n] is null && found.TryGetValue(keys[n].Id, out var view)) views[n] = view;
            }
            _views.Keep(read, found.Values.Select(v => ((v.Item.PlanId, v.Item.Ordinal), v)));
        }
        return [.. views.OfType<ItemView>()];
    }

    public void Changed(IReadOnlyCollection<ResourceChange> changes)
    {
        List<(Guid, int)> items = [];
        foreach (var change in changes)
        {
            switch (change.Type)
            {
                case PlanItemResource.TypeName when PlanItemResource.Parse(change.Key) is { } key:
                    items.Add(key);
                    break;
                // A report's item is in the same write's changes; groupings, credentials and subscriptions are not shown on items.
                case ProgressReportResource.TypeName or GroupingResource.TypeName or StoreChanges.ApiKeyType
                    or Webhooks.WebhookSubscriptionResource.TypeName:
                    break;
                // Plans (number, state) and agencies (names) are shown on their items; anything else, to be safe.
                default:
                    _views.DropAll();
                    return;
            }
        }
        if (items.Count > 0) _views.Drop(items);
    }

    public void Reset() => _views.DropAll();
}

public static class ItemViewsSetup
{
    /// <summary>The items' read model, told of every change the store's writes make.</summary>
    public static IServiceCollection AddItemViews(this IServiceCollection services) => services
        .AddSingleton<ItemViews>()
        .AddSingleton<IStoreChangeObserver>(sp => sp.GetRequiredService<ItemViews>());
}
