using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanApi.Common;
using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Webhooks;

/// <summary>Subscribes an endpoint; the answer carries its signing secret, once.</summary>
/// <param name="CallerAgencyCode">The reporter credential's agency; null for admins.</param>
public sealed record CreateWebhookSubscriptionCommand(WebhookSubscriptionFields Body, string? CallerAgencyCode)
    : ICommand<IssuedWebhookSecretDto>, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(WebhookSubscriptionResource.TypeName, null, AuditActions.Create);
}

internal sealed class WebhookSubscriptionFieldsValidator : AbstractValidator<WebhookSubscriptionFields>
{
    public WebhookSubscriptionFieldsValidator()
    {
        RuleFor(f => f.Url).NotEmpty().MaximumLength(Limits.Url).Clean()
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .WithMessage("The endpoint must be an absolute https URL.");
        RuleFor(f => f.Description).MaximumLength(Limits.Name).Clean();
        RuleFor(f => f.EventTypes).Must(t => t is null || t.Count <= WebhookEventTypes.All.Count).WithMessage("Too many event types.");
        RuleForEach(f => f.EventTypes).Must(t => WebhookEventTypes.All.Contains(t))
            .WithMessage($"Unknown event type; known: {string.Join(", ", WebhookEventTypes.All)}.");
        RuleFor(f => f.AgencyCode).MaximumLength(Limits.Code).Clean();
    }
}

internal sealed class CreateWebhookSubscriptionValidator : AbstractValidator<CreateWebhookSubscriptionCommand>
{
    public CreateWebhookSubscriptionValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new WebhookSubscriptionFieldsValidator());
}

internal sealed class CreateWebhookSubscriptionHandler(PlanDbContext db, TimeProvider clock, IOptions<WebhookOptions> options)
    : ICommandHandler<CreateWebhookSubscriptionCommand, IssuedWebhookSecretDto>
{
    public async ValueTask<IssuedWebhookSecretDto> Handle(CreateWebhookSubscriptionCommand command, CancellationToken ct)
    {
        var filters = await WebhookSubscriptionWrites.ResolveAsync(db, command.Body, command.CallerAgencyCode, options.Value, ct);
        var now = WebhookSubscriptionWrites.Now(clock);
        var horizon = await db.Database.SqlQuery<long>($"SELECT change_feed_horizon() AS \"Value\"").SingleAsync(ct);
        var subscription = new WebhookSubscription
        {
            Url = command.Body.Url.Trim(),
            Secret = WebhookSignature.NewSecret(),
            OwnerAgencyId = filters.OwnerAgencyId,
            State = WebhookState.Active,
            // Events from now on: the positions below the horizon are written already.
            Cursor = horizon - 1,
            RemindersFrom = PlanCalendar.Today(clock),
            NextAttemptAt = now,
            CreatedAt = now,
        };
        WebhookSubscriptionWrites.Apply(subscription, command.Body, filters, now);
        db.Set<WebhookSubscription>().Add(subscription);
        await db.SaveChangesAsync(ct);
        return new IssuedWebhookSecretDto((await WebhookSubscriptionResource.FindAsync(db, subscription.Id, ct))!, subscription.Secret);
    }
}

/// <summary>What creating and changing a subscription share: who may filter on what, and the endpoint check.</summary>
internal static class WebhookSubscriptionWrites
{
    public sealed record Filters(Guid? PlanId, Guid? AgencyId, Guid? OwnerAgencyId);

    /// <summary>PostgreSQL keeps microseconds: answers show times as later reads will.</summary>
    public static DateTimeOffset Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    /// <summary>
    /// Checks the endpoint and the filters: a reporter's subscription is always its own agency's (403 for another),
    /// an unknown plan or agency is a 422, and so is an endpoint on a refused address.
    /// </summary>
    public static async Task<Filters> ResolveAsync(
        PlanDbContext db, WebhookSubscriptionFields body, string? callerAgencyCode, WebhookOptions options, CancellationToken ct)
    {
        if (callerAgencyCode is { } own && body.AgencyCode is { Length: > 0 } named && named != own)
            throw new ForbiddenException($"This credential subscribes for '{own}' only, not for '{named}'.");
        var agencyCode = callerAgencyCode ?? (string.IsNullOrEmpty(body.AgencyCode) ? null : body.AgencyCode);
        Guid? agencyId = null;
        if (agencyCode is not null)
        {
            agencyId = await db.Agencies.Where(a => a.Code == agencyCode).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct)
                ?? throw new UnprocessableException($"Agency '{agencyCode}' does not exist.", "agencyCode");
        }
        if (body.PlanId is { } planId && !await db.Plans.AnyAsync(p => p.Id == planId, ct))
            throw new UnprocessableException($"Plan '{planId}' does not exist.", "planId");
        if (await WebhookEndpointGuard.RefusalAsync(body.Url.Trim(), options.AllowPrivateNetworks, ct) is { } refusal)
            throw new UnprocessableException(refusal, "url");
        return new Filters(body.PlanId, agencyId, callerAgencyCode is null ? null : agencyId);
    }

    public static void Apply(WebhookSubscription subscription, WebhookSubscriptionFields body, Filters filters, DateTimeOffset now)
    {
        subscription.Url = body.Url.Trim();
        subscription.Description = string.IsNullOrWhiteSpace(body.Description) ? null : body.Description.Trim();
        subscription.EventTypes = (body.EventTypes ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        subscription.PlanId = filters.PlanId;
        subscription.AgencyId = filters.AgencyId;
        subscription.UpdatedAt = now;
    }

    /// <summary>The subscription for a write, if the caller may manage it (a reporter: its agency's only); else 404.</summary>
    public static async Task<WebhookSubscription> LoadAsync(PlanDbContext db, Guid id, string? callerAgencyCode, CancellationToken ct)
    {
        // Locked: writes to one subscription (and the dispatcher's bookkeeping) take turns instead of failing on its row version.
        var subscription = await db.Set<WebhookSubscription>()
            .FromSql($"SELECT *, xmin FROM webhook_subscriptions WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (subscription is null || !await WebhookAccess.MayManageAsync(db, subscription.OwnerAgencyId, callerAgencyCode, ct))
            throw new NotFoundException("Webhook subscription", id.ToString());
        return subscription;
    }
}

/// <summary>Admins manage every subscription; a reporter those of its own agency.</summary>
internal static class WebhookAccess
{
    public static async Task<bool> MayManageAsync(PlanDbContext db, Guid? ownerAgencyId, string? callerAgencyCode, CancellationToken ct) =>
        callerAgencyCode is null
        || (ownerAgencyId is { } owner && await db.Agencies.AnyAsync(a => a.Id == owner && a.Code == callerAgencyCode, ct));

    public static IQueryable<WebhookSubscription> Visible(PlanDbContext db, string? callerAgencyCode) =>
        callerAgencyCode is null
            ? db.Set<WebhookSubscription>().AsNoTracking()
            : db.Set<WebhookSubscription>().AsNoTracking().Where(s => s.OwnerAgencyId != null
                && db.Agencies.Any(a => a.Id == s.OwnerAgencyId && a.Code == callerAgencyCode));
}
