namespace PlanApi.Common;

/// <summary>One page of a collection. Every list in the API uses it: <c>limit</c> + <c>offset</c> in, <c>total</c> and a <c>next</c> link out.</summary>
/// <param name="Items">The page's entries.</param>
/// <param name="Total">How many entries match the filters, across all pages.</param>
/// <param name="Limit">The page size used.</param>
/// <param name="Offset">How many matching entries precede this page.</param>
/// <param name="Next">The URL of the next page, or null on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Limit, int Offset, string? Next = null) : ICachedResource
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasMore => Offset + Items.Count < Total;

    /// <summary>The same page with other items (the rows a page of keys names).</summary>
    public Page<TOther> With<TOther>(IReadOnlyList<TOther> items) => new(items, Total, Limit, Offset, Next);
}

/// <summary>Paging parameters shared by every list query.</summary>
public interface IPagedQuery
{
    int Limit { get; }
    int Offset { get; }
}

public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int MaxOffset = 1_000_000;

    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, IPagedQuery paging, CancellationToken ct)
    {
        var total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(query, ct);
        var items = total <= paging.Offset
            ? []
            : await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                query.Skip(paging.Offset).Take(paging.Limit), ct);
        return new Page<T>(items, total, paging.Limit, paging.Offset);
    }

    /// <summary>The page with its next link that <see cref="WithLinks{T}"/> last made of each page still in use.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Linked = new();

    /// <summary>
    /// Adds the next-page link, built from the current request with only <c>offset</c> changed. A page handed to many
    /// requests (a kept answer) gets the same linked instance back while the link is the same, so that its JSON and ETag
    /// are computed once for it too (<see cref="ConditionalGetCache.RepresentationOf"/>).
    /// </summary>
    public static Page<T> WithLinks<T>(this Page<T> page, HttpRequest request)
    {
        if (!page.HasMore) return page;
        var next = NextLink(page, request);
        if (Linked.TryGetValue(page, out var known) && known is Page<T> { } linked && linked.Next == next) return linked;
        linked = page with { Next = next };
        Linked.AddOrUpdate(page, linked);
        return linked;
    }

    private static string NextLink<T>(Page<T> page, HttpRequest request)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value);
        query["offset"] = (page.Offset + page.Limit).ToString(System.Globalization.CultureInfo.InvariantCulture);
        query["limit"] = page.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            request.PathBase + request.Path, query.SelectMany(kv => kv.Value.Select(v => KeyValuePair.Create(kv.Key, v))));
    }
}
