using Microsoft.EntityFrameworkCore;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Common.Security;

/// <summary>What an API key grants, as authentication reads it.</summary>
public sealed record Credential(Guid Id, string ClientName, ClientRole Role, Guid? AgencyId, string? AgencyCode, DateOnly? AgencyEnded);

/// <summary>
/// Valid API keys by hash, kept in memory once used, so that a request is authenticated without a query. A revocation
/// drops them all: at once on the instance that revoked the key, within one <see cref="StoreVersionMonitor.Interval"/>
/// on the others (the store's version counts revoked keys); a change to an agency too (a key's agency may have ended).
/// Unknown keys are never kept.
/// </summary>
public sealed class CredentialCache(StoreVersionMonitor monitor) : IStoreChangeObserver
{
    /// <summary>Far more keys than a province issues; the least recently used goes first.</summary>
    private const int Capacity = 10_000;

    private const string AgencyType = "agency";

    private readonly ReadModelCache<string, Credential> _credentials = new(monitor, Capacity, StringComparer.Ordinal);

    /// <summary>The unrevoked key with this hash, or null.</summary>
    public Task<Credential?> FindAsync(PlanDbContext db, string keyHash, CancellationToken ct) =>
        _credentials.GetAsync(keyHash, token => db.ApiKeys.AsNoTracking()
            .Where(k => k.KeyHash == keyHash && k.RevokedAt == null)
            .Select(k => new Credential(k.Id, k.ClientName, k.Role, k.AgencyId,
                k.Agency != null ? k.Agency.Code : null, k.Agency != null ? k.Agency.ValidUntil : null))
            .SingleOrDefaultAsync(token), ct);

    public void Changed(IReadOnlyCollection<ResourceChange> changes)
    {
        if (changes.Any(c => c.Type is StoreChanges.ApiKeyType or AgencyType)) _credentials.DropAll();
    }

    public void Reset() => _credentials.DropAll();
}
