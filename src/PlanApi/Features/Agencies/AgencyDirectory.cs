using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;
using PlanApi.Features.ProgressReports;

namespace PlanApi.Features.Agencies;

/// <summary>What requests look an agency up by code for: its id, names, kind, end and whether it succeeded others.</summary>
public sealed record AgencyReference(Guid Id, string Code, string Name, string? ShortName, AgencyKind Kind, DateOnly? ValidUntil, bool Inherits)
{
    /// <summary>
    /// An untracked entity with these values, for a write to attach (as unchanged) where it only refers to the agency.
    /// </summary>
    public Agency AsUntrackedEntity() => new() { Id = Id, Code = Code, Name = Name, ShortName = ShortName, Kind = Kind, ValidUntil = ValidUntil };
}

/// <summary>
/// Agencies by code, kept in memory once read: reference data that nearly never changes, read by every to-do page and
/// every report. Any change to an agency (or what is not known) drops them all: at once on this instance, within one
/// <see cref="StoreVersionMonitor.Interval"/> on the others.
/// </summary>
public sealed class AgencyDirectory(StoreVersionMonitor monitor) : IStoreChangeObserver
{
    /// <summary>More agencies than a national store holds (about 150 per province); the least recently used goes first.</summary>
    private const int Capacity = 20_000;

    private readonly ReadModelCache<string, AgencyReference> _agencies = new(monitor, Capacity, StringComparer.Ordinal);

    /// <summary>The agency with this code, or null.</summary>
    public Task<AgencyReference?> FindAsync(PlanDbContext db, string code, CancellationToken ct) =>
        _agencies.GetAsync(code, token => db.Agencies.AsNoTracking()
            .Where(a => a.Code == code)
            .Select(a => new AgencyReference(a.Id, a.Code, a.Name, a.ShortName, a.Kind, a.ValidUntil, a.Predecessors.Any()))
            .SingleOrDefaultAsync(token), ct);

    public void Changed(IReadOnlyCollection<ResourceChange> changes)
    {
        // Items, reports, groupings, credentials and subscriptions never change an agency; anything else might (an
        // agency, a plan import that created agencies, a type this directory does not know).
        if (changes.Any(c => c.Type is not (Items.PlanItemResource.TypeName or ProgressReportResource.TypeName
                or Groupings.GroupingResource.TypeName or StoreChanges.ApiKeyType or Webhooks.WebhookSubscriptionResource.TypeName)))
            _agencies.DropAll();
    }

    public void Reset() => _agencies.DropAll();
}

public static class AgencyDirectorySetup
{
    public static IServiceCollection AddAgencyDirectory(this IServiceCollection services) => services
        .AddSingleton<AgencyDirectory>()
        .AddSingleton<IStoreChangeObserver>(sp => sp.GetRequiredService<AgencyDirectory>());
}
