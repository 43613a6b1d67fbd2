using System.ComponentModel.DataAnnotations;

namespace PlanApi.Features.Webhooks;

/// <summary><c>Webhooks</c>: delivery, retries, reminders and which endpoints may be called.</summary>
public sealed class WebhookOptions : IValidatableObject
{
    public const string Section = "Webhooks";

    /// <summary>Deliver to endpoints on loopback, private, link-local or unique-local addresses (tests, local development).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Run the dispatcher in this instance (every instance may: they share the work).</summary>
    public bool Dispatch { get; set; } = true;

    /// <summary>How often the dispatcher looks for work.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest one delivery attempt may take, connection included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before the first retry; each further retry waits twice as long, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an event is retried before the subscription is marked failing and paused.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long the previous secret still signs after a rotation.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan SecretGracePeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Days before an item's due end (each occurrence's, for a recurring item) that plan_item.due_soon is sent.</summary>
    [Range(1, 90)]
    public int DueSoonDays { get; set; } = 7;

    /// <summary>How often a subscription's items are checked for due-soon and overdue events (and at least once a day).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Subscriptions one instance delivers to at once: a slow endpoint holds only its own slot.</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 8;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRetryDelay < FirstRetryDelay)
            yield return new ValidationResult("Webhooks:MaxRetryDelay must not be shorter than Webhooks:FirstRetryDelay.", [nameof(MaxRetryDelay)]);
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1 for the first): exponential, capped, half of it random.</summary>
    public TimeSpan RetryDelay(int attempt, double random)
    {
        var full = Math.Min(MaxRetryDelay.TotalMilliseconds, FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30)));
        return TimeSpan.FromMilliseconds(full / 2 + full / 2 * random);
    }

    /// <summary>How long a dispatcher holds a subscription: a few attempts' timeouts, renewed with each one.</summary>
    internal TimeSpan Lease => Timeout * 3 + TimeSpan.FromSeconds(30);
}
