using System.Diagnostics.CodeAnalysis;

namespace PlanApi.Common;

/// <summary>
/// A map of at most <see cref="Capacity"/> entries: when it is full, a new key pushes out the least recently used
/// one (read or written), and only that one. Thread-safe; every operation is O(1) under one short lock.
/// </summary>
public sealed class BoundedLru<TKey, TValue> where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>> _entries;

    /// <summary>Most recently used first.</summary>
    private readonly LinkedList<KeyValuePair<TKey, TValue>> _recency = new();

    private readonly Lock _gate = new();

    public BoundedLru(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _entries = new Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>>(comparer);
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_gate) return _entries.Count;
        }
    }

    /// <summary>The value of <paramref name="key"/>, which becomes the most recently used entry.</summary>
    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                MoveToFront(node);
                value = node.Value.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>
    /// Sets <paramref name="key"/> (now the most recently used entry). Returns the value this pushed out, if any: the
    /// key's previous value, or the least recently used entry's when a new key found the map full.
    /// </summary>
    public bool Set(TKey key, TValue value, [MaybeNullWhen(false)] out TValue displaced)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                displaced = node.Value.Value;
                node.Value = new(key, value);
                MoveToFront(node);
                return true;
            }
            if (_entries.Count < Capacity)
            {
                _entries.Add(key, _recency.AddFirst(new KeyValuePair<TKey, TValue>(key, value)));
                displaced = default;
                return false;
            }
            // Full: the least recently used node is reused for the new key.
            var oldest = _recency.Last!;
            _entries.Remove(oldest.Value.Key);
            displaced = oldest.Value.Value;
            oldest.Value = new(key, value);
            MoveToFront(oldest);
            _entries.Add(key, oldest);
            return true;
        }
    }

    public void Set(TKey key, TValue value) => Set(key, value, out _);

    /// <summary>Drops <paramref name="key"/>, if present.</summary>
    public bool Remove(TKey key)
    {
        lock (_gate)
        {
            if (!_entries.Remove(key, out var node)) return false;
            _recency.Remove(node);
            return true;
        }
    }

    /// <summary>Drops every entry.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _recency.Clear();
        }
    }

    /// <summary>The keys, most recently used first (a copy).</summary>
    public IReadOnlyList<TKey> Keys
    {
        get
        {
            lock (_gate) return _recency.Select(e => e.Key).ToList();
        }
    }

    private void MoveToFront(LinkedListNode<KeyValuePair<TKey, TValue>> node)
    {
        if (node == _recency.First) return;
        _recency.Remove(node);
        _recency.AddFirst(node);
    }
}
