namespace PlanApi.Domain;

/// <summary>active: delivering; paused: stopped by its owner; failing: stopped after retrying an event for the whole retry period.</summary>
public enum WebhookState { Active, Paused, Failing }

/// <summary>
/// An endpoint that receives the events it subscribed to (Standard Webhooks). It reads the change feed from its own
/// <see cref="Cursor"/>, queues the events it derives as <see cref="WebhookMessage"/>s and delivers them in order, one at a time.
/// </summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Url { get; set; }
    public string? Description { get; set; }

    /// <summary>The event types delivered; empty for all of them.</summary>
    public List<string> EventTypes { get; set; } = [];

    public Guid? PlanId { get; set; }

    /// <summary>Only events about this agency's items (its own and those inherited from its predecessors).</summary>
    public Guid? AgencyId { get; set; }
    public Agency? Agency { get; set; }

    /// <summary>The agency whose reporter credentials manage it; null when only admins do.</summary>
    public Guid? OwnerAgencyId { get; init; }

    /// <summary>The signing secret (<c>whsec_</c> + base64): kept to sign, never shown again after it is issued.</summary>
    public required string Secret { get; set; }

    /// <summary>The secret before the last rotation, still signing until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecret { get; set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    public WebhookState State { get; set; }
    public string? LastError { get; set; }

    /// <summary>The last change-feed position whose events are queued.</summary>
    public long Cursor { get; set; }

    /// <summary>Due dates reminded of are those still to come on this day (the subscription's first): no reminders of old deadlines.</summary>
    public DateOnly RemindersFrom { get; set; }
    public DateTimeOffset? RemindersCheckedAt { get; set; }

    /// <summary>When the head of its queue may be tried again (after a failed attempt).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>While a dispatcher works on it, no other instance does (a lease, not a lock held across the call).</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; private set; }

    /// <summary>The secrets deliveries are signed with at <paramref name="now"/>: the current one, and the previous one during its grace period.</summary>
    public IEnumerable<string> SigningSecrets(DateTimeOffset now)
    {
        yield return Secret;
        if (PreviousSecret is { } previous && PreviousSecretExpiresAt > now) yield return previous;
    }
}

/// <summary>One event queued for one subscription, with the exact body that is signed and sent (also on every retry).</summary>
public sealed class WebhookMessage
{
    /// <summary>Queue order (per subscription, the order events were derived in).</summary>
    public long Position { get; init; }
    public Guid SubscriptionId { get; init; }

    /// <summary>The webhook-id: the same for every attempt, redelivery and replay of the event.</summary>
    public required string EventId { get; init; }
    public required string EventType { get; init; }

    /// <summary>The change-feed position it derives from; null for time events.</summary>
    public long? Sequence { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FirstAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}

/// <summary>One attempt to deliver a message: the subscription's delivery log.</summary>
public sealed class WebhookAttempt
{
    public long Id { get; init; }
    public Guid SubscriptionId { get; init; }
    public required string EventId { get; init; }
    public required string EventType { get; init; }
    public int Attempt { get; init; }
    public DateTimeOffset AttemptedAt { get; init; }
    public int? StatusCode { get; init; }
    public int LatencyMs { get; init; }
    public bool Succeeded { get; init; }
    public string? Error { get; init; }
}

/// <summary>A time event already queued: its key (subscription, item, due date, kind) makes it once only.</summary>
public sealed class WebhookReminder
{
    public Guid SubscriptionId { get; init; }
    public Guid PlanItemId { get; init; }
    public DateOnly Due { get; init; }
    public required string Kind { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
