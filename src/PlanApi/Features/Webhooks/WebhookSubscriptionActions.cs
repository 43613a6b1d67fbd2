using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanApi.Common;
using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Webhooks;

/// <summary>Issues a new signing secret; the previous one keeps signing for the grace period.</summary>
public sealed record RotateWebhookSecretCommand(Guid Id, string? CallerAgencyCode) : ICommand<IssuedWebhookSecretDto>, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(WebhookSubscriptionResource.TypeName, Id.ToString(), AuditActions.Update);
}

internal sealed class RotateWebhookSecretHandler(PlanDbContext db, TimeProvider clock, IOptions<WebhookOptions> options)
    : ICommandHandler<RotateWebhookSecretCommand, IssuedWebhookSecretDto>
{
    public async ValueTask<IssuedWebhookSecretDto> Handle(RotateWebhookSecretCommand command, CancellationToken ct)
    {
        var subscription = await WebhookSubscriptionWrites.LoadAsync(db, command.Id, command.CallerAgencyCode, ct);
        var now = WebhookSubscriptionWrites.Now(clock);
        subscription.PreviousSecret = subscription.Secret;
        subscription.PreviousSecretExpiresAt = now + options.Value.SecretGracePeriod;
        subscription.Secret = WebhookSignature.NewSecret();
        subscription.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return new IssuedWebhookSecretDto((await WebhookSubscriptionResource.FindAsync(db, subscription.Id, ct))!, subscription.Secret);
    }
}

/// <summary>Pauses a subscription, or resumes a paused or failing one (its queue is tried again at once).</summary>
public sealed record SetWebhookStateCommand(Guid Id, bool Active, string? CallerAgencyCode) : ICommand<WebhookSubscriptionDto>, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(WebhookSubscriptionResource.TypeName, Id.ToString(), AuditActions.Update);
}

internal sealed class SetWebhookStateHandler(PlanDbContext db, TimeProvider clock) : ICommandHandler<SetWebhookStateCommand, WebhookSubscriptionDto>
{
    public async ValueTask<WebhookSubscriptionDto> Handle(SetWebhookStateCommand command, CancellationToken ct)
    {
        var subscription = await WebhookSubscriptionWrites.LoadAsync(db, command.Id, command.CallerAgencyCode, ct);
        var now = WebhookSubscriptionWrites.Now(clock);
        if (command.Active && subscription.State != WebhookState.Active)
        {
            subscription.State = WebhookState.Active;
            subscription.LastError = null;
            subscription.NextAttemptAt = now;
            // The retry period starts again for the event at the head of the queue.
            await db.Set<WebhookMessage>().Where(m => m.SubscriptionId == subscription.Id && m.DeliveredAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.FirstAttemptAt, (DateTimeOffset?)null), ct);
        }
        else if (!command.Active) subscription.State = WebhookState.Paused;
        subscription.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return (await WebhookSubscriptionResource.FindAsync(db, subscription.Id, ct))!;
    }
}

/// <summary>Queues one event already sent to this subscription again, with the same webhook-id and body, after those waiting.</summary>
public sealed record RedeliverWebhookEventCommand(Guid Id, string EventId, string? CallerAgencyCode) : ICommand<WebhookSubscriptionDto>, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(WebhookSubscriptionResource.TypeName, Id.ToString(), AuditActions.Update);
}

internal sealed class RedeliverWebhookEventValidator : AbstractValidator<RedeliverWebhookEventCommand>
{
    public RedeliverWebhookEventValidator() => RuleFor(c => c.EventId).NotEmpty().MaximumLength(64).Clean().OverridePropertyName("eventId");
}

internal sealed class RedeliverWebhookEventHandler(PlanDbContext db, TimeProvider clock) : ICommandHandler<RedeliverWebhookEventCommand, WebhookSubscriptionDto>
{
    public async ValueTask<WebhookSubscriptionDto> Handle(RedeliverWebhookEventCommand command, CancellationToken ct)
    {
        var subscription = await WebhookSubscriptionWrites.LoadAsync(db, command.Id, command.CallerAgencyCode, ct);
        var sent = await db.Set<WebhookMessage>().AsNoTracking()
            .Where(m => m.SubscriptionId == subscription.Id && m.EventId == command.EventId)
            .OrderByDescending(m => m.Position).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Webhook event", command.EventId);
        var now = WebhookSubscriptionWrites.Now(clock);
        db.Set<WebhookMessage>().Add(new WebhookMessage
        {
            SubscriptionId = subscription.Id, EventId = sent.EventId, EventType = sent.EventType, Sequence = sent.Sequence,
            Body = sent.Body, CreatedAt = now,
        });
        subscription.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return (await WebhookSubscriptionResource.FindAsync(db, subscription.Id, ct))!;
    }
}

/// <summary>Moves the cursor back so that the events of changes from <paramref name="From"/> on are derived and sent again.</summary>
public sealed record ReplayWebhookEventsCommand(Guid Id, long From, string? CallerAgencyCode) : ICommand<WebhookSubscriptionDto>, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(WebhookSubscriptionResource.TypeName, Id.ToString(), AuditActions.Update);
}

internal sealed class ReplayWebhookEventsValidator : AbstractValidator<ReplayWebhookEventsCommand>
{
    public ReplayWebhookEventsValidator() => RuleFor(c => c.From).GreaterThanOrEqualTo(0).OverridePropertyName("from");
}

internal sealed class ReplayWebhookEventsHandler(PlanDbContext db, TimeProvider clock) : ICommandHandler<ReplayWebhookEventsCommand, WebhookSubscriptionDto>
{
    public async ValueTask<WebhookSubscriptionDto> Handle(ReplayWebhookEventsCommand command, CancellationToken ct)
    {
        var subscription = await WebhookSubscriptionWrites.LoadAsync(db, command.Id, command.CallerAgencyCode, ct);
        if (command.From > subscription.Cursor + 1)
            throw new UnprocessableException($"Replay moves the cursor back: 'from' must be at most {subscription.Cursor + 1}.", "from");
        // Those still waiting would be queued twice: they are derived again from the feed.
        await db.Set<WebhookMessage>()
            .Where(m => m.SubscriptionId == subscription.Id && m.DeliveredAt == null && m.Sequence >= command.From)
            .ExecuteDeleteAsync(ct);
        subscription.Cursor = command.From - 1;
        subscription.UpdatedAt = WebhookSubscriptionWrites.Now(clock);
        await db.SaveChangesAsync(ct);
        return (await WebhookSubscriptionResource.FindAsync(db, subscription.Id, ct))!;
    }
}
