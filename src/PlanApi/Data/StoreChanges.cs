namespace PlanApi.Data;

/// <summary>One resource a committed write changed, as the change feed names it (<c>plan_item</c>, "{planId}/{ordinal}").</summary>
public readonly record struct ResourceChange(string Type, string Key);

/// <summary>
/// A read model kept in memory beside the store: told of every resource that changed, by this instance's writes as
/// they commit and by other instances' within one <see cref="StoreVersionMonitor.Interval"/>.
/// </summary>
public interface IStoreChangeObserver
{
    /// <summary>These resources changed: drop what was shaped from them.</summary>
    void Changed(IReadOnlyCollection<ResourceChange> changes);

    /// <summary>What changed is not known (the first check, a gap too large to read): drop everything.</summary>
    void Reset();
}

/// <summary>
/// Tells the read models (<see cref="IStoreChangeObserver"/>) what the store's writes changed: the command's owner
/// after each commit (the feed entries it wrote), and the <see cref="StoreVersionMonitor"/> for every other writer (the
/// feed entries committed since it last looked).
/// </summary>
public sealed class StoreChanges(IServiceProvider services)
{
    /// <summary>The type API keys are audited under: a key revoked anywhere is told as a change of this type.</summary>
    public const string ApiKeyType = "api_key";

    private IStoreChangeObserver[]? _observers;

    private IStoreChangeObserver[] Observers => _observers ??= [.. services.GetServices<IStoreChangeObserver>()];

    public void Publish(IReadOnlyCollection<ResourceChange> changes)
    {
        if (changes.Count == 0) return;
        foreach (var observer in Observers) observer.Changed(changes);
    }

    public void Reset()
    {
        foreach (var observer in Observers) observer.Reset();
    }
}
