using Microsoft.EntityFrameworkCore;

namespace PlanApi.Data;

/// <summary>
/// What the change feed's positions tell about the store (see <see cref="Domain.ChangeRecord"/>): positions below
/// the horizon are final; the horizon plus the entries committed at or above it name everything written so far.
/// </summary>
public static class ChangeFeed
{
    /// <summary>
    /// A version of the whole store: it changes whenever a write commits, in every API instance alike (it is read
    /// from PostgreSQL). For one horizon the entries at or above it only grow, so their count tells them apart.
    /// Revoked API keys are counted too (the feed does not carry them): a revocation is a change of the store.
    /// </summary>
    public sealed record StoreVersion(long Horizon, long Pending, long Revoked);

    public static Task<StoreVersion> VersionAsync(PlanDbContext db, CancellationToken ct) =>
        db.Database.SqlQuery<StoreVersion>($"""
            SELECT h.horizon, (SELECT count(*) FROM change_records c WHERE c.sequence >= h.horizon) AS pending,
                (SELECT count(*) FROM api_keys k WHERE k.revoked_at IS NOT NULL) AS revoked
            FROM (SELECT change_feed_horizon() AS horizon OFFSET 0) h
            """).SingleAsync(ct);

    /// <summary>
    /// The resources named by feed entries at or after <paramref name="from"/> (a horizon read earlier: every write
    /// committed since then has its entries there), at most <paramref name="limit"/> of them, oldest first.
    /// </summary>
    public static Task<List<ResourceChange>> ChangedSinceAsync(PlanDbContext db, long from, int limit, CancellationToken ct) =>
        db.ChangeRecords.AsNoTracking()
            .Where(c => c.Sequence >= from)
            .OrderBy(c => c.Sequence)
            .Take(limit)
            .Select(c => new ResourceChange(c.ResourceType, c.ResourceKey))
            .ToListAsync(ct);
}
