using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using PlanApi.Common;
using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Webhooks;

/// <summary>Replaces a subscription's endpoint, description, event types and filters; its queue, cursor and secret stay.</summary>
/// <param name="ExpectedETag">The ETag the client read (If-Match): required; another version is a 412.</param>
public sealed record UpdateWebhookSubscriptionCommand(Guid Id, WebhookSubscriptionFields Body, string? CallerAgencyCode, string? ExpectedETag = null)
    : ICommand<WebhookSubscriptionDto>, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(WebhookSubscriptionResource.TypeName, Id.ToString(), AuditActions.Update);
}

internal sealed class UpdateWebhookSubscriptionValidator : AbstractValidator<UpdateWebhookSubscriptionCommand>
{
    public UpdateWebhookSubscriptionValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new WebhookSubscriptionFieldsValidator());
}

internal sealed class UpdateWebhookSubscriptionHandler(PlanDbContext db, TimeProvider clock, WriteLog log, IOptions<WebhookOptions> options)
    : ICommandHandler<UpdateWebhookSubscriptionCommand, WebhookSubscriptionDto>
{
    public async ValueTask<WebhookSubscriptionDto> Handle(UpdateWebhookSubscriptionCommand command, CancellationToken ct)
    {
        var subscription = await WebhookSubscriptionWrites.LoadAsync(db, command.Id, command.CallerAgencyCode, ct);
        var version = Preconditions.Check(command.ExpectedETag, log.Before<WebhookSubscriptionDto>()!);
        db.ExpectVersion(subscription, version);
        var filters = await WebhookSubscriptionWrites.ResolveAsync(db, command.Body, command.CallerAgencyCode, options.Value, ct);
        WebhookSubscriptionWrites.Apply(subscription, command.Body, filters, WebhookSubscriptionWrites.Now(clock));
        await db.SaveChangesAsync(ct);
        return (await WebhookSubscriptionResource.FindAsync(db, subscription.Id, ct))!;
    }
}

/// <summary>Deletes a subscription with its queue and delivery log: nothing more is sent to it.</summary>
public sealed record DeleteWebhookSubscriptionCommand(Guid Id, string? CallerAgencyCode, string? ExpectedETag = null) : ICommand, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(WebhookSubscriptionResource.TypeName, Id.ToString(), AuditActions.Delete);
}

internal sealed class DeleteWebhookSubscriptionHandler(PlanDbContext db, WriteLog log) : ICommandHandler<DeleteWebhookSubscriptionCommand>
{
    public async ValueTask<Unit> Handle(DeleteWebhookSubscriptionCommand command, CancellationToken ct)
    {
        var subscription = await WebhookSubscriptionWrites.LoadAsync(db, command.Id, command.CallerAgencyCode, ct);
        db.ExpectVersion(subscription, Preconditions.Check(command.ExpectedETag, log.Before<WebhookSubscriptionDto>()!));
        db.Set<WebhookSubscription>().Remove(subscription);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
