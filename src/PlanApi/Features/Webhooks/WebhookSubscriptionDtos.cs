using System.Linq.Expressions;
using PlanApi.Domain;

namespace PlanApi.Features.Webhooks;

/// <summary>What a subscription receives and where.</summary>
/// <param name="Url">The endpoint: HTTPS, on a public address.</param>
/// <param name="Description">What the endpoint is, for its operators.</param>
/// <param name="EventTypes">The event types to deliver (see the README's list); empty or omitted for all of them.</param>
/// <param name="PlanId">Only events of this plan.</param>
/// <param name="AgencyCode">Only events about this agency's items, its own and those it inherited from agencies it succeeded.
/// A reporter's subscription is always its own agency's (omit it or name it).</param>
public sealed record WebhookSubscriptionFields(string Url, string? Description, IReadOnlyList<string>? EventTypes, Guid? PlanId, string? AgencyCode);

/// <summary>A webhook subscription. Its secret is never shown again after it is issued (create, rotate-secret).</summary>
/// <param name="Id">The subscription's id.</param>
/// <param name="Url">The endpoint.</param>
/// <param name="Description">What the endpoint is.</param>
/// <param name="EventTypes">The event types delivered; empty for all.</param>
/// <param name="PlanId">Only events of this plan, when set.</param>
/// <param name="AgencyCode">Only events about this agency's items, when set.</param>
/// <param name="State">active; paused; failing (an event was retried for the whole retry period: resume it when the endpoint works).</param>
/// <param name="LastError">Why the last attempt failed, when it did.</param>
/// <param name="Cursor">The change-feed position up to which events are queued.</param>
/// <param name="PreviousSecretExpiresAt">After a rotation: until when the previous secret still signs deliveries.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it was last changed.</param>
public sealed record WebhookSubscriptionDto(
    Guid Id, string Url, string? Description, IReadOnlyList<string> EventTypes, Guid? PlanId, string? AgencyCode,
    WebhookState State, string? LastError, long Cursor, DateTimeOffset? PreviousSecretExpiresAt,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    [property: System.Text.Json.Serialization.JsonIgnore] uint Version = 0,
    [property: System.Text.Json.Serialization.JsonIgnore] Guid? OwnerAgencyId = null) : PlanApi.Common.IVersionedResource
{
    public static readonly Expression<Func<WebhookSubscription, WebhookSubscriptionDto>> Projection = s => new WebhookSubscriptionDto(
        s.Id, s.Url, s.Description, s.EventTypes, s.PlanId, s.Agency != null ? s.Agency.Code : null,
        s.State, s.LastError, s.Cursor, s.PreviousSecretExpiresAt, s.CreatedAt, s.UpdatedAt, s.Version, s.OwnerAgencyId);
}

/// <summary>A subscription with its new signing secret. <c>secret</c> is shown only in this answer: store it now.</summary>
/// <param name="Subscription">The subscription.</param>
/// <param name="Secret">The signing secret (<c>whsec_</c> + base64 of 32 random bytes): base64-decode what follows the prefix to get the HMAC key.</param>
public sealed record IssuedWebhookSecretDto(WebhookSubscriptionDto Subscription, string Secret) : Common.Writes.INotReplayable;

/// <summary>One delivery attempt.</summary>
/// <param name="EventId">The event's webhook-id (the same on every attempt).</param>
/// <param name="EventType">The event's type.</param>
/// <param name="Attempt">1 for the first attempt of the event, then 2, 3 …</param>
/// <param name="AttemptedAt">When it was sent.</param>
/// <param name="StatusCode">The endpoint's HTTP status; null when no answer came (timeout, refused connection).</param>
/// <param name="LatencyMs">Milliseconds from sending to the answer (or failure).</param>
/// <param name="Succeeded">A 2xx answer: the event is delivered.</param>
/// <param name="Error">Why it failed, when it did.</param>
public sealed record WebhookDeliveryDto(
    string EventId, string EventType, int Attempt, DateTimeOffset AttemptedAt, int? StatusCode, int LatencyMs, bool Succeeded, string? Error);

/// <summary>Asks for one event to be sent again.</summary>
/// <param name="EventId">The webhook-id of an event this subscription was sent (from the delivery log or your own records).</param>
public sealed record RedeliverWebhookBody(string EventId);
