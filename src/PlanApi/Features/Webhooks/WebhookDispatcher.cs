using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanApi.Common;
using PlanApi.Common.Observability;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Webhooks;

/// <summary>
/// Delivers webhooks, off the write path: writes only add change-feed entries (the outbox, in their own transaction);
/// this service reads the feed's final positions after each subscription's cursor, queues the events they mean in the
/// same transaction that moves the cursor, and sends each subscription's queue in order, one event at a time.
/// </summary>
/// <remarks>
/// Instances share the work through leases: a claim marks a few active, due subscriptions as taken for
/// <see cref="WebhookOptions.Lease"/> with <c>FOR UPDATE SKIP LOCKED</c> and commits at once, so no transaction stays
/// open across an HTTP call (an open transaction would hold back the change feed's horizon for every reader).
/// Retries are scheduled in the store (<see cref="WebhookSubscription.NextAttemptAt"/>) rather than by an in-process
/// retry policy: they survive restarts, span a day, and a waiting subscription costs nothing.
/// </remarks>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, IHttpClientFactory httpClients, TimeProvider clock, IOptions<WebhookOptions> settings,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";
    private const int FeedBatch = 200;
    private const int MessagesPerRun = 100;

    private static readonly Counter<long> Deliveries = PlanApiTelemetry.Meter.CreateCounter<long>(
        "planapi.webhook.deliveries", "{attempt}", "Webhook delivery attempts, by outcome (delivered or failed).");

    private static readonly Histogram<double> DeliveryDuration = PlanApiTelemetry.Meter.CreateHistogram<double>(
        "planapi.webhook.delivery.duration", "s", "How long a webhook endpoint took to answer (or fail).");

    private readonly WebhookOptions _options = settings.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Dispatch) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = 0;
            try
            {
                worked = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Webhook dispatch failed; trying again shortly.");
            }
            if (worked == 0) await Task.Delay(_options.PollInterval, clock, stoppingToken);
        }
    }

    /// <summary>Claims the subscriptions due now and works each once (queue new events, send what waits); how many it worked.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        List<Guid> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanDbContext>();
            var now = clock.GetUtcNow();
            var until = now + _options.Lease;
            var active = EnumNames<WebhookState>.ToName(WebhookState.Active);
            claimed = await db.Database.SqlQuery<Guid>($"""
                UPDATE webhook_subscriptions SET lease_until = {until}
                WHERE id IN (SELECT id FROM webhook_subscriptions
                             WHERE state = {active} AND next_attempt_at <= {now} AND (lease_until IS NULL OR lease_until <= {now})
                             ORDER BY next_attempt_at LIMIT {_options.MaxConcurrency} FOR UPDATE SKIP LOCKED)
                RETURNING id AS "Value"
                """).ToListAsync(ct);
        }
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = ct },
            async (id, token) =>
            {
                try
                {
                    await WorkAsync(id, token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Webhook subscription {SubscriptionId} could not be worked; its lease lapses and it is tried again.", id);
                }
            });
        return claimed.Count;
    }

    private async Task WorkAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanDbContext>();
        var subscriptions = db.Set<WebhookSubscription>();
        var subscription = await subscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) return;
        var watch = await WebhookWatch.OfAsync(db, subscription, ct);

        while (await QueueFromFeedAsync(db, subscription, watch, ct)) { }
        await QueueRemindersAsync(db, subscription, watch, ct);
        for (var sent = 0; sent < MessagesPerRun; sent++)
        {
            if (!await DeliverHeadAsync(db, id, ct)) break;
        }
        await subscriptions.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    /// <summary>Queues the events of the next feed positions and moves the cursor past them, in one transaction; whether a full batch was read.</summary>
    private async Task<bool> QueueFromFeedAsync(PlanDbContext db, WebhookSubscription subscription, WebhookWatch? watch, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cursor = subscription.Cursor;
        var changes = await WebhookEvents.ReadFeedAsync(db, cursor, FeedBatch, ct);
        if (changes.Count == 0) return false;
        foreach (var change in changes)
            foreach (var e in await WebhookEvents.DeriveAsync(db, clock, subscription, watch, change, ct))
                db.Set<WebhookMessage>().Add(Message(subscription.Id, e));
        await db.SaveChangesAsync(ct);
        var last = changes[^1].Sequence;
        // A replay that moved the cursor meanwhile wins: this batch is dropped and read again from there.
        if (await db.Set<WebhookSubscription>().Where(s => s.Id == subscription.Id && s.Cursor == cursor)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Cursor, last), ct) == 0)
            return false;
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        subscription.Cursor = last;
        return changes.Count == FeedBatch;
    }

    private async Task QueueRemindersAsync(PlanDbContext db, WebhookSubscription subscription, WebhookWatch? watch, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (subscription.RemindersCheckedAt is { } checkedAt && now - checkedAt < _options.ReminderInterval
            && PlanCalendar.DayOf(checkedAt) == PlanCalendar.DayOf(now))
            return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (reminder, e) in await WebhookReminders.DueAsync(db, clock, subscription, watch, _options, ct))
        {
            db.Set<WebhookReminder>().Add(reminder);
            db.Set<WebhookMessage>().Add(Message(subscription.Id, e));
        }
        await db.SaveChangesAsync(ct);
        await db.Set<WebhookSubscription>().Where(s => s.Id == subscription.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RemindersCheckedAt, now), ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    private WebhookMessage Message(Guid subscriptionId, WebhookEvent e) => new()
    {
        SubscriptionId = subscriptionId,
        EventId = e.Id,
        EventType = e.Type,
        Sequence = e.Data.Sequence,
        Body = JsonSerializer.Serialize(e, ETags.Json),
        CreatedAt = clock.GetUtcNow(),
    };

    /// <summary>Sends the oldest waiting event; whether it was delivered (and the next may follow).</summary>
    private async Task<bool> DeliverHeadAsync(PlanDbContext db, Guid id, CancellationToken ct)
    {
        var subscription = await db.Set<WebhookSubscription>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is not { State: WebhookState.Active }) return false;
        var message = await db.Set<WebhookMessage>().Where(m => m.SubscriptionId == id && m.DeliveredAt == null)
            .OrderBy(m => m.Position).FirstOrDefaultAsync(ct);
        if (message is null) return false;

        var now = clock.GetUtcNow();
        // The lease covers this attempt, whatever the ones before it took.
        await db.Set<WebhookSubscription>().Where(s => s.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LeaseUntil, now + _options.Lease), ct);
        var (status, error, elapsed) = await SendAsync(subscription, message, now, ct);
        var delivered = error is null;

        message.Attempts++;
        message.FirstAttemptAt ??= now;
        db.Set<WebhookAttempt>().Add(new WebhookAttempt
        {
            SubscriptionId = id, EventId = message.EventId, EventType = message.EventType, Attempt = message.Attempts, AttemptedAt = now,
            StatusCode = status, LatencyMs = (int)Math.Min(int.MaxValue, elapsed.TotalMilliseconds), Succeeded = delivered,
            Error = error is null ? null : Truncate(error, Limits.Name),
        });
        Deliveries.Add(1, new KeyValuePair<string, object?>("planapi.webhook.outcome", delivered ? "delivered" : "failed"));
        DeliveryDuration.Record(elapsed.TotalSeconds);
        if (delivered)
        {
            message.DeliveredAt = now;
            await db.SaveChangesAsync(ct);
            if (subscription.LastError is not null)
                await db.Set<WebhookSubscription>().Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastError, (string?)null), ct);
            return true;
        }
        await db.SaveChangesAsync(ct);
        var lastError = Truncate(error!, Limits.Name);
        if (now - message.FirstAttemptAt.Value >= _options.RetryFor)
        {
            logger.LogWarning("Webhook subscription {SubscriptionId} is failing: event {EventId} was retried for {RetryFor}.", id, message.EventId, _options.RetryFor);
            await db.Set<WebhookSubscription>().Where(s => s.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.State, WebhookState.Failing).SetProperty(s => s.LastError, lastError), ct);
        }
        else
        {
            var next = now + _options.RetryDelay(message.Attempts, Random.Shared.NextDouble());
            await db.Set<WebhookSubscription>().Where(s => s.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.NextAttemptAt, next).SetProperty(s => s.LastError, lastError), ct);
        }
        return false;
    }

    private async Task<(int? Status, string? Error, TimeSpan Elapsed)> SendAsync(
        WebhookSubscription subscription, WebhookMessage message, DateTimeOffset now, CancellationToken ct)
    {
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(message.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", message.EventId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Header(subscription.SigningSecrets(now), message.EventId, timestamp, message.Body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Real time: the endpoint answers on the real clock, whatever the application's clock says.
        timeout.CancelAfter(_options.Timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return (status, response.IsSuccessStatusCode ? null : $"The endpoint answered {status}.", Stopwatch.GetElapsedTime(started));
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            var error = e is OperationCanceledException ? $"No answer within {PublishedNumbers.Duration(_options.Timeout)}." : e.Message;
            return (null, error, Stopwatch.GetElapsedTime(started));
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
