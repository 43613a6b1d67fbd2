using Mediator;
using PlanApi.Common.Observability;
using PlanApi.Data;

namespace PlanApi.Common.Writes;

/// <summary>
/// The one owner of a command's transaction. It opens it, answers a retried Idempotency-Key from the stored result,
/// reads the target's state before the write, runs the handler, adds the audit entry, the feed's entries and the
/// idempotency record, and commits all of it at once; any exception rolls everything back. Lock waits inside it are
/// bounded by the store's <c>lock_timeout</c>, set once per connection (<see cref="DatabaseOptions.LockTimeout"/>).
/// </summary>
/// <remarks>Handlers may save their own changes (to learn generated values; otherwise they leave them to the one save
/// here, a single batch with the records) but never open or commit a transaction.</remarks>
public sealed class CommandTransactionBehavior<TMessage, TResponse>(
    PlanDbContext db, WriteLog log, IdempotencyStore idempotency, StoreChanges changes, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        if (message is not IBaseCommand) return await next(message, ct);
        if (db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException($"{typeof(TMessage).Name} was sent inside another command's transaction.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (replayed, stored) = await idempotency.TryReplayAsync<TResponse>(ct);
        if (replayed) return stored!;

        var target = (message as IAuditedCommand)?.Target;
        using var span = target is null ? null : PlanApiTelemetry.StartWrite(target.Type, target.Action);
        var started = clock.GetTimestamp();
        if (target is not null) await log.BeginAsync(target, ct);
        var response = await next(message, ct);
        if (target is not null) await log.RecordAsync(target, response, ct);
        idempotency.Remember(response, log.AuditEntryShowing(response));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // Before the answer leaves: this instance's next reads never see what the write replaced.
        changes.Publish(log.Changes);
        if (target is not null) PlanApiTelemetry.RecordWrite(target.Type, target.Action, clock.GetElapsedTime(started));
        return response;
    }
}
