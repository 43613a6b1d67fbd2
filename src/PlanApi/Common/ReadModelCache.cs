using PlanApi.Data;

namespace PlanApi.Common;

/// <summary>
/// The memory of a read model: values read from the store, bounded (<see cref="BoundedLru{TKey, TValue}"/>), dropped
/// when writes change them (the model's <see cref="IStoreChangeObserver"/> calls <see cref="Drop"/> or
/// <see cref="DropAll"/>). Nothing is served or kept while the store's version is not being read
/// (<see cref="StoreVersionMonitor.TryGetGeneration"/>), and a read that began before a change was told is never kept
/// (<see cref="Read.Epoch"/>): a replaced state never outlives the notice of its change.
/// </summary>
public sealed class ReadModelCache<TKey, TValue>(StoreVersionMonitor monitor, int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
    where TValue : class
{
    private readonly BoundedLru<TKey, TValue> _entries = new(capacity, comparer);
    private readonly Lock _changing = new();

    /// <summary>Moves on every change notice: a read that started at another value may hold a replaced state.</summary>
    private long _epoch;

    /// <summary>A read about to ask the store: whether memory may be used, and the change notices seen so far.</summary>
    public readonly record struct Read(bool Usable, long Epoch);

    /// <summary>Call before asking the store; pass the result to <see cref="TryGet"/> and <see cref="Keep"/>.</summary>
    public Read Begin() => new(monitor.TryGetGeneration(out _), Volatile.Read(ref _epoch));

    public bool TryGet(Read read, TKey key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value)
    {
        value = null;
        return read.Usable && _entries.TryGet(key, out value);
    }

    /// <summary>Keeps what <paramref name="read"/> got from the store, unless a change was told since it began.</summary>
    public void Keep(Read read, IEnumerable<(TKey Key, TValue Value)> values)
    {
        if (!read.Usable) return;
        lock (_changing)
        {
            if (_epoch != read.Epoch) return;
            foreach (var (key, value) in values) _entries.Set(key, value);
        }
    }

    /// <summary>The value of <paramref name="key"/> from memory, or read from the store (and kept) when absent.</summary>
    public async Task<TValue?> GetAsync(TKey key, Func<CancellationToken, Task<TValue?>> readStore, CancellationToken ct)
    {
        var read = Begin();
        if (TryGet(read, key, out var kept)) return kept;
        var value = await readStore(ct);
        if (value is not null) Keep(read, [(key, value)]);
        return value;
    }

    public void Drop(IEnumerable<TKey> keys)
    {
        lock (_changing)
        {
            _epoch++;
            foreach (var key in keys) _entries.Remove(key);
        }
    }

    public void DropAll()
    {
        lock (_changing)
        {
            _epoch++;
            _entries.Clear();
        }
    }
}
