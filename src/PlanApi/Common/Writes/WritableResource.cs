using PlanApi.Data;

namespace PlanApi.Common.Writes;

/// <summary>
/// How a writable resource appears in the audit trail and the change feed: its type name, its key, where a client
/// reads it, and its state as a GET shows it. Each feature declares its own beside its handlers (for example
/// <c>Features/Plans/PlanResource.cs</c>); <see cref="WriteLog"/> finds them by type name and by representation, so
/// adding a writable resource touches nothing here.
/// </summary>
public interface IWritableResource
{
    /// <summary>The type name in the audit trail and the change feed (<c>plan_item</c>).</summary>
    string Type { get; }

    /// <summary>The answer types that show this resource (the first is what a GET returns).</summary>
    IReadOnlyList<Type> Representations { get; }

    /// <summary>Whether the change feed publishes it (API keys are audited only).</summary>
    bool InChangeFeed { get; }

    string? KeyOf(object representation);

    /// <summary>Where a client reads the resource.</summary>
    string Link(string key);

    /// <summary>The resource as a GET shows it (drafts included), or null when it does not exist.</summary>
    Task<object?> ReadAsync(PlanDbContext db, TimeProvider clock, string key, CancellationToken ct);

    /// <summary>Whether anonymous feed readers may see this version (changes inside draft plans are not public).</summary>
    ValueTask<bool> IsPublicAsync(PlanDbContext db, object representation, CancellationToken ct);

    /// <summary>What the audit trail keeps of it (a secret never reaches the trail).</summary>
    object ForAudit(object representation);

    /// <summary>Other resources that this write changed too, whose new versions the feed must carry.</summary>
    IEnumerable<RelatedChange> AlsoChanged(object representation, string action);
}

/// <summary>Another resource a write changed as well (a report changes its item's status; a new item its plan).</summary>
/// <param name="Public">Whether the feed shows the change to anonymous readers; null: as the resource says.</param>
public sealed record RelatedChange(string Type, string Key, bool? Public = null);

/// <summary>The base of a feature's resource declaration, typed by the representation a GET returns.</summary>
public abstract class WritableResource<T> : IWritableResource where T : class
{
    public abstract string Type { get; }

    public virtual IReadOnlyList<Type> Representations => [typeof(T)];

    public virtual bool InChangeFeed => true;

    protected abstract string KeyOf(T representation);

    public abstract string Link(string key);

    protected abstract Task<T?> ReadAsync(PlanDbContext db, TimeProvider clock, string key, CancellationToken ct);

    protected virtual ValueTask<bool> IsPublicAsync(PlanDbContext db, T representation, CancellationToken ct) => ValueTask.FromResult(true);

    protected virtual IEnumerable<RelatedChange> AlsoChanged(T representation, string action) => [];

    public virtual string? KeyOf(object representation) => representation is T t ? KeyOf(t) : null;

    public virtual object ForAudit(object representation) => representation;

    async Task<object?> IWritableResource.ReadAsync(PlanDbContext db, TimeProvider clock, string key, CancellationToken ct) =>
        await ReadAsync(db, clock, key, ct);

    ValueTask<bool> IWritableResource.IsPublicAsync(PlanDbContext db, object representation, CancellationToken ct) =>
        representation is T t ? IsPublicAsync(db, t, ct) : ValueTask.FromResult(true);

    IEnumerable<RelatedChange> IWritableResource.AlsoChanged(object representation, string action) =>
        representation is T t ? AlsoChanged(t, action) : [];
}

/// <summary>Every <see cref="IWritableResource"/> of the application, by type name and by representation.</summary>
public sealed class WritableResources
{
    private readonly Dictionary<string, IWritableResource> _byType;
    private readonly Dictionary<Type, IWritableResource> _byRepresentation;

    public WritableResources(IEnumerable<IWritableResource> resources)
    {
        var all = resources.ToList();
        _byType = all.ToDictionary(r => r.Type, StringComparer.Ordinal);
        _byRepresentation = all.SelectMany(r => r.Representations, (r, t) => (r, t)).ToDictionary(x => x.t, x => x.r);
    }

    public IWritableResource this[string type] => _byType.TryGetValue(type, out var resource)
        ? resource
        : throw new InvalidOperationException($"No writable resource is declared with type '{type}'.");

    public IWritableResource? Of(object representation) => _byRepresentation.GetValueOrDefault(representation.GetType());

    /// <summary>Registers the resource declarations found in an assembly.</summary>
    public static IServiceCollection AddFrom(IServiceCollection services, System.Reflection.Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IWritableResource).IsAssignableFrom(t)))
            services.AddSingleton(typeof(IWritableResource), type);
        services.AddSingleton<WritableResources>();
        return services;
    }
}
