using System.Text.Json;
using PlanApi.Common.Security;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Common.Writes;

/// <summary>
/// Records a command's accepted write in the audit trail (who, when, before, after) and the change feed, in the
/// command's own transaction (see <see cref="CommandTransactionBehavior{TMessage, TResponse}"/>): a write without its
/// records never commits. Writers share no lock: PostgreSQL positions the feed's entries (see <see cref="ChangeRecord"/>).
/// </summary>
/// <remarks>
/// The state before the write is read once, here, and handed to the handler (<see cref="Before{T}"/>) for its If-Match
/// check. A handler that already holds the state it wrote (as a GET shows it) hands it over with <see cref="Written"/>,
/// so that the log does not read the resource back while the write still holds its row locks.
/// </remarks>
public sealed class WriteLog(PlanDbContext db, WritableResources resources, TimeProvider clock, IHttpContextAccessor http)
{
    private readonly Dictionary<(string Type, string Key), object> _written = [];
    private readonly List<ResourceChange> _changes = [];
    private object? _before;
    private (object Value, Guid EntryId)? _auditedAfter;

    /// <summary>The resources this write changed (its feed entries, or the audited-only resource): what the read models drop once it commits.</summary>
    public IReadOnlyCollection<ResourceChange> Changes => _changes;

    /// <summary>The command's target as it was before the write (as a GET showed it), or null when it did not exist.</summary>
    public T? Before<T>() where T : class => _before as T;

    /// <summary>
    /// The audit entry whose "after" is exactly <paramref name="response"/> as a client is shown it (the same object, not
    /// reshaped for the audit), or null: the idempotency record then points at it instead of storing the JSON again.
    /// </summary>
    public Guid? AuditEntryShowing(object? response) =>
        response is not null && _auditedAfter is { } audited && ReferenceEquals(audited.Value, response) ? audited.EntryId : null;

    /// <summary>The state of a resource as this write left it; the log uses it instead of reading it back.</summary>
    public void Written(string type, string key, object representation) => _written[(type, key)] = representation;

    internal async Task BeginAsync(AuditTarget target, CancellationToken ct) =>
        _before = target.Key is null ? null : await resources[target.Type].ReadAsync(db, clock, target.Key, ct);

    /// <summary>Adds the audit entry and the feed's entries for the write that produced <paramref name="response"/>.</summary>
    internal async Task RecordAsync(AuditTarget target, object? response, CancellationToken ct)
    {
        var resource = resources[target.Type];
        object? after = target.Action == AuditActions.Delete ? null
            : response is not null && resource.KeyOf(response) is not null ? response
            : target.Key is null ? null
            : await ReadAsync(resource, target.Key, ct);
        var key = target.Key ?? (after is null ? null : resource.KeyOf(after))
            ?? throw new InvalidOperationException($"The write of a {target.Type} does not name the resource it wrote.");

        var now = clock.GetUtcNow();
        var entry = Audit(resource, key, target.Action, _before, after, now);
        db.AuditEntries.Add(entry);
        if (after is not null && ReferenceEquals(resource.ForAudit(after), after)) _auditedAfter = (after, entry.Id);
        if (!resource.InChangeFeed)
        {
            _changes.Add(new ResourceChange(resource.Type, key));
            return;
        }
        var shown = after ?? _before;
        Add(Change(resource, key, target.Action, after, now, shown is null || await resource.IsPublicAsync(db, shown, ct)));
        foreach (var related in shown is null ? [] : resource.AlsoChanged(shown, target.Action))
        {
            var other = resources[related.Type];
            var state = await ReadAsync(other, related.Key, ct);
            if (state is null) continue;
            Add(Change(other, related.Key, AuditActions.Update, state, now, related.Public ?? await other.IsPublicAsync(db, state, ct)));
        }
    }

    private void Add(ChangeRecord change)
    {
        db.ChangeRecords.Add(change);
        _changes.Add(new ResourceChange(change.ResourceType, change.ResourceKey));
    }

    private async Task<object?> ReadAsync(IWritableResource resource, string key, CancellationToken ct) =>
        _written.Remove((resource.Type, key), out var written) ? written : await resource.ReadAsync(db, clock, key, ct);

    private AuditEntry Audit(IWritableResource resource, string key, string action, object? before, object? after, DateTimeOffset now)
    {
        var user = http.HttpContext?.User;
        return new AuditEntry
        {
            OccurredAt = now,
            ClientId = user?.Client() ?? "cli",
            ClientName = user?.FindFirst(PlanClaims.ClientName)?.Value ?? $"command line ({Environment.UserName})",
            KeyId = Guid.TryParse(user?.FindFirst(PlanClaims.KeyId)?.Value, out var keyId) ? keyId : null,
            AgencyCode = user?.AgencyCode(),
            Action = action,
            ResourceType = resource.Type,
            ResourceKey = key,
            Before = Snapshot(resource, before),
            After = Snapshot(resource, after),
            // The id problem details and log lines show for the same request.
            TraceId = http.HttpContext is { } context ? ApiDefaults.TraceId(context) : System.Diagnostics.Activity.Current?.TraceId.ToHexString(),
        };
    }

    private static ChangeRecord Change(IWritableResource resource, string key, string action, object? after, DateTimeOffset now, bool isPublic) => new()
    {
        OccurredAt = now,
        Action = action,
        ResourceType = resource.Type,
        ResourceKey = key,
        Version = after is null ? null : ETags.For(ETags.Serialize(after, after.GetType())),
        Link = resource.Link(key),
        Public = isPublic,
    };

    private static string? Snapshot(IWritableResource resource, object? value) => value is null
        ? null
        : resource.ForAudit(value) is var shown ? JsonSerializer.Serialize(shown, shown.GetType(), ETags.Json) : null;
}
