using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PlanApi.Common;
using PlanApi.Common.Security;

namespace PlanApi.Features.Webhooks;

/// <summary>
/// Webhook subscriptions: events pushed to an endpoint, signed as Standard Webhooks says. Admins subscribe any
/// endpoint; a reporter subscribes for its own agency and manages only its agency's subscriptions.
/// </summary>
[Route("api/v{version:apiVersion}/webhook-subscriptions")]
[Tags("Webhooks")]
[Authorize(Policy = Policies.Reporter)]
public sealed class WebhookSubscriptionsController(ISender sender) : ApiControllerBase
{
    private string? CallerAgency => User.IsAdmin() ? null : User.AgencyCode();

    /// <summary>List webhook subscriptions</summary>
    /// <remarks>Oldest first: every subscription for an admin, its agency's for a reporter.</remarks>
    /// <param name="limit">Page size, 1–100.</param>
    /// <param name="offset">Entries to skip.</param>
    /// <response code="200">A page of subscriptions.</response>
    [HttpGet]
    [ProducesResponseType<Page<WebhookSubscriptionDto>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<Page<WebhookSubscriptionDto>>> List(int limit = Paging.DefaultLimit, int offset = 0, CancellationToken ct = default) =>
        (await sender.Send(new ListWebhookSubscriptionsQuery(CallerAgency, limit, offset), ct)).WithLinks(Request);

    /// <summary>Get a webhook subscription</summary>
    /// <remarks>Its endpoint, filters, state and cursor; never its secret.</remarks>
    /// <param name="id">The subscription's id.</param>
    /// <response code="200">The subscription (never its secret).</response>
    /// <response code="404">No subscription with this id is yours to see.</response>
    [HttpGet("{id:guid}", Name = "GetWebhookSubscription")]
    [ProducesResponseType<WebhookSubscriptionDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult<WebhookSubscriptionDto>> Get(Guid id, CancellationToken ct) =>
        await sender.Send(new GetWebhookSubscriptionQuery(id, CallerAgency), ct);

    /// <summary>Subscribe an endpoint</summary>
    /// <remarks>
    /// Events from now on are sent to <c>url</c> (HTTPS, on a public address: loopback, private, link-local and
    /// unique-local addresses are refused, now and at every delivery), each signed with the secret in this answer,
    /// which is shown only here. A reporter's subscription is its own agency's. Delivery is at least once, in order;
    /// a failing endpoint is retried with backoff ({config:Webhooks:FirstRetryDelay} doubling up to
    /// {config:Webhooks:MaxRetryDelay}, each attempt bounded by {config:Webhooks:Timeout}) for
    /// {config:Webhooks:RetryFor}, then the subscription is marked failing and paused. Due-soon events come
    /// {config:Webhooks:DueSoonDays} days before a due end. The answer is never stored for an Idempotency-Key: a
    /// retry subscribes again (delete the one you did not receive).
    /// </remarks>
    /// <response code="201">Subscribed; <c>secret</c> is in this answer only.</response>
    /// <response code="422">The endpoint is refused (not HTTPS, not resolvable, a private address) or the plan or agency does not exist.</response>
    [HttpPost]
    [ProducesResponseType<IssuedWebhookSecretDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<IssuedWebhookSecretDto>> Create(WebhookSubscriptionFields body, CancellationToken ct)
    {
        var issued = await sender.Send(new CreateWebhookSubscriptionCommand(body, CallerAgency), ct);
        Response.Headers.CacheControl = "no-store";
        return CreatedAtRoute("GetWebhookSubscription", new { id = issued.Subscription.Id, version = "1" }, issued);
    }

    /// <summary>Change a webhook subscription</summary>
    /// <remarks>Replaces the endpoint, description, event types and filters. Its secret, queue and cursor stay.</remarks>
    /// <param name="id">The subscription's id.</param>
    /// <param name="body">The subscription's new fields.</param>
    /// <param name="ifMatch">The ETag from your last GET of the resource (required).</param>
    /// <response code="200">The changed subscription.</response>
    /// <response code="404">No subscription with this id is yours to change.</response>
    /// <response code="412">If-Match names an older version: someone changed the resource since you read it.</response>
    /// <response code="422">The endpoint is refused or the plan or agency does not exist.</response>
    /// <response code="428">If-Match is missing.</response>
    [HttpPut("{id:guid}")]
    [ProducesResponseType<WebhookSubscriptionDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ProblemJson)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, ProblemJson)]
    public async Task<ActionResult<WebhookSubscriptionDto>> Update(
        Guid id, WebhookSubscriptionFields body, [FromHeader(Name = IfMatchHeader)] string? ifMatch, CancellationToken ct) =>
        await sender.Send(new UpdateWebhookSubscriptionCommand(id, body, CallerAgency, ifMatch), ct);

    /// <summary>Delete a webhook subscription</summary>
    /// <remarks>Nothing more is sent; its queue and delivery log go with it.</remarks>
    /// <param name="id">The subscription's id.</param>
    /// <param name="ifMatch">The ETag from your last GET of the resource (required).</param>
    /// <response code="204">Deleted.</response>
    /// <response code="404">No subscription with this id is yours to delete.</response>
    /// <response code="412">If-Match names an older version.</response>
    /// <response code="428">If-Match is missing.</response>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, ProblemJson)]
    public async Task<IActionResult> Delete(Guid id, [FromHeader(Name = IfMatchHeader)] string? ifMatch, CancellationToken ct)
    {
        await sender.Send(new DeleteWebhookSubscriptionCommand(id, CallerAgency, ifMatch), ct);
        return NoContent();
    }

    /// <summary>Rotate the signing secret</summary>
    /// <remarks>
    /// Returns a new secret, once. For {config:Webhooks:SecretGracePeriod} deliveries carry two signatures
    /// (space-separated in webhook-signature), the new secret's and the old one's, so the receiver can switch at leisure.
    /// </remarks>
    /// <param name="id">The subscription's id.</param>
    /// <response code="200">The new secret, in this answer only.</response>
    /// <response code="404">No subscription with this id is yours.</response>
    [HttpPost("{id:guid}/rotate-secret")]
    [ProducesResponseType<IssuedWebhookSecretDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult<IssuedWebhookSecretDto>> RotateSecret(Guid id, CancellationToken ct)
    {
        var issued = await sender.Send(new RotateWebhookSecretCommand(id, CallerAgency), ct);
        Response.Headers.CacheControl = "no-store";
        return issued;
    }

    /// <summary>Resume a paused or failing subscription</summary>
    /// <remarks>The event at the head of its queue is tried at once, then everything after it, in order: nothing was dropped.</remarks>
    /// <param name="id">The subscription's id.</param>
    /// <response code="200">The subscription, active.</response>
    /// <response code="404">No subscription with this id is yours.</response>
    [HttpPost("{id:guid}/resume")]
    [ProducesResponseType<WebhookSubscriptionDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult<WebhookSubscriptionDto>> Resume(Guid id, CancellationToken ct) =>
        await sender.Send(new SetWebhookStateCommand(id, true, CallerAgency), ct);

    /// <summary>Pause a subscription</summary>
    /// <remarks>Events keep being derived when it resumes, from where it stopped: none is lost.</remarks>
    /// <param name="id">The subscription's id.</param>
    /// <response code="200">The subscription, paused.</response>
    /// <response code="404">No subscription with this id is yours.</response>
    [HttpPost("{id:guid}/pause")]
    [ProducesResponseType<WebhookSubscriptionDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult<WebhookSubscriptionDto>> Pause(Guid id, CancellationToken ct) =>
        await sender.Send(new SetWebhookStateCommand(id, false, CallerAgency), ct);

    /// <summary>List delivery attempts</summary>
    /// <remarks>The delivery log, newest attempt first: event, attempt number, status code, latency and error.</remarks>
    /// <param name="id">The subscription's id.</param>
    /// <param name="limit">Page size, 1–100.</param>
    /// <param name="offset">Entries to skip.</param>
    /// <response code="200">A page of attempts.</response>
    /// <response code="404">No subscription with this id is yours.</response>
    [HttpGet("{id:guid}/deliveries")]
    [ProducesResponseType<Page<WebhookDeliveryDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult<Page<WebhookDeliveryDto>>> Deliveries(
        Guid id, int limit = Paging.DefaultLimit, int offset = 0, CancellationToken ct = default) =>
        (await sender.Send(new ListWebhookDeliveriesQuery(id, CallerAgency, limit, offset), ct)).WithLinks(Request);

    /// <summary>Redeliver one event</summary>
    /// <remarks>Sends an event this subscription was sent before again, with the same webhook-id and body, after the events waiting.</remarks>
    /// <param name="id">The subscription's id.</param>
    /// <param name="body">The event to send again.</param>
    /// <response code="202">Queued.</response>
    /// <response code="404">No subscription with this id is yours, or it was never sent this event.</response>
    [HttpPost("{id:guid}/redeliver")]
    [ProducesResponseType<WebhookSubscriptionDto>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult<WebhookSubscriptionDto>> Redeliver(Guid id, RedeliverWebhookBody body, CancellationToken ct) =>
        Accepted(await sender.Send(new RedeliverWebhookEventCommand(id, body.EventId, CallerAgency), ct));

    /// <summary>Replay events from a change-feed position</summary>
    /// <remarks>
    /// Moves the subscription's cursor back: the events of every change from <c>from</c> on (a <c>sequence</c> of
    /// <c>/changes</c>, or an event's <c>data.sequence</c>) are derived and sent again, with their original webhook-ids.
    /// </remarks>
    /// <param name="id">The subscription's id.</param>
    /// <param name="from">The first change-feed position to replay (0: from the feed's start); at most the cursor plus one.</param>
    /// <response code="202">The cursor moved; the events follow.</response>
    /// <response code="404">No subscription with this id is yours.</response>
    /// <response code="422">from is past the cursor.</response>
    [HttpPost("{id:guid}/replay")]
    [ProducesResponseType<WebhookSubscriptionDto>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<WebhookSubscriptionDto>> Replay(Guid id, [FromQuery] long from, CancellationToken ct) =>
        Accepted(await sender.Send(new ReplayWebhookEventsCommand(id, from, CallerAgency), ct));
}
