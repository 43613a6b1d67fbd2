using PlanApi.Common;

namespace PlanApi.Tests.Unit;

/// <summary>The conditional-GET cache's eviction rule: when full, the least recently used entry goes and only it.</summary>
public sealed class BoundedLruTests
{
    [Fact]
    public void A_new_key_in_a_full_map_pushes_out_the_least_recently_used_entry_and_keeps_the_rest()
    {
        var lru = new BoundedLru<string, int>(3);
        lru.Set("a", 1);
        lru.Set("b", 2);
        lru.Set("c", 3);
        Assert.True(lru.TryGet("a", out _)); // "a" read: now "b" is the least recently used

        Assert.True(lru.Set("d", 4, out var displaced));

        Assert.Equal(2, displaced);
        Assert.False(lru.TryGet("b", out _));
        Assert.Equal(["d", "a", "c"], lru.Keys);
        Assert.Equal(3, lru.Count);
        Assert.True(lru.TryGet("c", out var c));
        Assert.Equal(3, c);
    }

    [Fact]
    public void Writing_a_key_again_replaces_its_value_makes_it_the_most_recent_and_pushes_nothing_out()
    {
        var lru = new BoundedLru<string, int>(2);
        lru.Set("a", 1);
        lru.Set("b", 2);

        Assert.True(lru.Set("a", 10, out var replaced));
        Assert.Equal(1, replaced);
        Assert.Equal(["a", "b"], lru.Keys);

        lru.Set("c", 3);
        Assert.Equal(["c", "a"], lru.Keys);
        Assert.True(lru.TryGet("a", out var a));
        Assert.Equal(10, a);
    }

    [Fact]
    public void A_key_set_into_a_map_with_room_displaces_nothing()
    {
        var lru = new BoundedLru<string, int>(2);
        Assert.False(lru.Set("a", 1, out _));
        Assert.False(lru.Set("b", 2, out _));
        Assert.Equal(["b", "a"], lru.Keys);
    }

    [Fact]
    public void Keys_compared_by_reference_tell_equal_records_apart()
    {
        var lru = new BoundedLru<object, string>(4, ReferenceEqualityComparer.Instance);
        var first = new Tuple<int>(1);
        var equal = new Tuple<int>(1);
        lru.Set(first, "first");

        Assert.False(lru.TryGet(equal, out _));
        Assert.True(lru.TryGet(first, out var found));
        Assert.Equal("first", found);
    }

    [Fact]
    public async Task Under_concurrent_use_it_never_holds_more_than_its_capacity()
    {
        var lru = new BoundedLru<int, int>(50);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var random = new Random(worker);
            for (var i = 0; i < 20_000; i++)
            {
                var key = random.Next(500);
                if (random.Next(3) == 0) lru.TryGet(key, out _);
                else lru.Set(key, key);
            }
        })));

        var keys = lru.Keys;
        Assert.Equal(50, lru.Count);
        Assert.Equal(50, keys.Distinct().Count());
        Assert.All(keys, k => Assert.True(lru.TryGet(k, out var v) && v == k));
    }

    [Fact]
    public void A_capacity_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedLru<string, int>(0));

    [Fact]
    public void A_removed_key_is_gone_and_frees_its_place_for_a_new_one_without_pushing_out_another()
    {
        var lru = new BoundedLru<string, int>(2);
        lru.Set("a", 1);
        lru.Set("b", 2);

        Assert.True(lru.Remove("a"));
        Assert.False(lru.Remove("a"));
        lru.Set("c", 3);

        Assert.False(lru.TryGet("a", out _));
        Assert.Equal(["c", "b"], lru.Keys);
        lru.Clear();
        Assert.Equal(0, lru.Count);
        Assert.False(lru.TryGet("b", out _));
    }
}
