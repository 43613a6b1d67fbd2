using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common.Security;
using PlanApi.Data;
using PlanApi.Domain;
using PlanApi.Features.ApiKeys;
using PlanApi.Features.Items;
using PlanApi.Features.Plans;
using PlanApi.Features.ProgressReports;

namespace PlanApi.Common.WriteLog;

/// <summary>
/// Records every accepted write of an <see cref="IAuditedCommand"/> in the audit trail (who, when, before, after)
/// and the change feed, in the transaction of the write itself: a write without its records never commits. Writers
/// share no lock: PostgreSQL positions the feed's entries (see <see cref="ChangeRecord"/>).
/// </summary>
public sealed class WriteLogBehavior<TMessage, TResponse>(
    PlanDbContext db, ResourceSnapshots snapshots, TimeProvider clock, IHttpContextAccessor http)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        if (message is not IAuditedCommand audited) return await next(message, ct);
        var target = audited.Target;

        await using var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var before = target.Key is null ? null : await snapshots.LoadAsync(target.Type, target.Key, ct);
        var response = await next(message, ct);
        object? after = target.Action == AuditActions.Delete ? null
            : ResourceSnapshots.KeyOf(response) is not null ? response
            : target.Key is null ? null
            : await snapshots.LoadAsync(target.Type, target.Key, ct);
        var key = target.Key ?? ResourceSnapshots.KeyOf(after)
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} does not name the resource it wrote.");

        var now = clock.GetUtcNow();
        db.AuditEntries.Add(Audit(target.Type, key, target.Action, before, after, now));
        if (ResourceTypes.Published.Contains(target.Type))
            db.ChangeRecords.Add(await ChangeAsync(target.Type, key, target.Action, after, now, ct, visibleAs: after ?? before));
        // A report changes its item's status too: feed pollers must refetch the item.
        if (after is ProgressReportDto report)
        {
            var itemKey = ResourceSnapshots.ItemKey(report.PlanId, report.Ordinal);
            // Reports are accepted on published plans only: the change is public without asking.
            db.ChangeRecords.Add(await ChangeAsync(ResourceTypes.PlanItem, itemKey, AuditActions.Update,
                await snapshots.LoadAsync(ResourceTypes.PlanItem, itemKey, ct), now, ct, isPublic: true));
        }
        // Adding or removing an item changes its plan (item count, updatedAt): its new version goes in the feed too.
        if (target.Type == ResourceTypes.PlanItem && target.Action != AuditActions.Update && (after ?? before) is Features.Items.PlanItemDto item)
        {
            var plan = await snapshots.LoadAsync(ResourceTypes.Plan, item.PlanId.ToString(), ct);
            if (plan is not null)
                db.ChangeRecords.Add(await ChangeAsync(ResourceTypes.Plan, item.PlanId.ToString(), AuditActions.Update, plan, now, ct));
        }
        await db.SaveChangesAsync(ct);
        if (owned is not null) await owned.CommitAsync(ct);
        return response;
    }

    private AuditEntry Audit(string type, string key, string action, object? before, object? after, DateTimeOffset now)
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
            ResourceType = type,
            ResourceKey = key,
            Before = Snapshot(before),
            After = Snapshot(after),
            TraceId = System.Diagnostics.Activity.Current?.Id ?? http.HttpContext?.TraceIdentifier,
        };
    }

    private async Task<ChangeRecord> ChangeAsync(string type, string key, string action, object? after, DateTimeOffset now,
        CancellationToken ct, object? visibleAs = null, bool? isPublic = null) => new()
        {
            OccurredAt = now,
            Action = action,
            ResourceType = type,
            ResourceKey = key,
            Version = after is null ? null : ETags.For(ETags.Serialize(after, after.GetType())),
            Link = ResourceSnapshots.Link(type, key),
            Public = isPublic ?? await IsPublicAsync(visibleAs ?? after, ct),
        };

    /// <summary>Changes inside draft plans are shown to credentials only.</summary>
    private async Task<bool> IsPublicAsync(object? after, CancellationToken ct) => after switch
    {
        PlanDto plan => plan.Lifecycle != PlanLifecycle.Draft,
        PlanItemDto item => await db.Plans.AnyAsync(p => p.Id == item.PlanId && p.Lifecycle != PlanLifecycle.Draft, ct),
        _ => true,
    };

    /// <summary>The resource as JSON; an issued key's secret never reaches the trail.</summary>
    private static string? Snapshot(object? value) => value switch
    {
        null => null,
        IssuedApiKeyDto issued => JsonSerializer.Serialize(issued with { Key = "(shown once to its holder)" }, ETags.Json),
        _ => JsonSerializer.Serialize(value, value.GetType(), ETags.Json),
    };
}
