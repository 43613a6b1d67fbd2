using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using PlanApi.Data;

namespace PlanApi.Common.Observability;

/// <summary>
/// How far the change feed lags behind the writes. The feed lists a position only once every transaction that began
/// before it has finished (see <see cref="Domain.ChangeRecord"/>), so a committed change can wait, unseen by pollers,
/// behind a transaction still running. Every <see cref="ObservabilitySettings.FeedLagInterval"/> this measures:
/// <list type="bullet">
/// <item><c>planapi.feed.lag</c> (s): now minus the time of the oldest committed change the feed cannot list yet;
/// 0 when every committed change is listed. It grows only while some transaction holds the feed back (a long import,
/// a connection left idle in a transaction), which is what it is there to show.</item>
/// <item><c>planapi.feed.pending</c>: how many committed changes wait so.</item>
/// </list>
/// Neither is reported while the last measurement is stale (the database unreachable). The horizon errs on the safe
/// side: a transaction of another database that ends while it is read can hold it for that instant, so alert on a lag
/// that lasts, not on one reading.
/// </summary>
public sealed class FeedLagMonitor : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ObservabilitySettings _settings;
    private readonly ILogger<FeedLagMonitor> _logger;
    private Measured? _last;

    public FeedLagMonitor(IServiceScopeFactory scopes, TimeProvider clock, IMeterFactory meters, ObservabilitySettings settings,
        ILogger<FeedLagMonitor> logger)
    {
        (_scopes, _clock, _settings, _logger) = (scopes, clock, settings, logger);
        // A meter of this host (IMeterFactory), so that two API instances in one process report their own stores.
        var meter = meters.Create(PlanApiTelemetry.Name);
        meter.CreateObservableGauge("planapi.feed.lag", () => Observe(l => l.Lag.TotalSeconds), "s",
            "Age of the oldest committed change the change feed cannot list yet (0 when it lists every committed change).");
        meter.CreateObservableGauge("planapi.feed.pending", () => Observe(l => l.Pending), "{change}",
            "Committed changes the change feed cannot list yet, because an older transaction is still running.");
    }

    /// <summary>The change feed's lag: how old its oldest unlisted committed change is, and how many wait.</summary>
    public sealed record FeedLag(TimeSpan Lag, long Pending);

    private sealed record Backlog(DateTimeOffset? Oldest, long Pending);

    private sealed record Measured(FeedLag Lag, long At);

    /// <summary>Measures the lag now and keeps it for the gauges (unless a later measurement is already kept).</summary>
    public async Task<FeedLag> SampleAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanDbContext>();
        var backlog = await db.Database.SqlQuery<Backlog>($"""
            SELECT min(c.occurred_at) AS oldest, count(*) AS pending
            FROM change_records c, (SELECT change_feed_horizon() AS horizon OFFSET 0) h
            WHERE c.sequence >= h.horizon
            """).SingleAsync(ct);
        var lag = backlog.Oldest is { } oldest ? _clock.GetUtcNow() - oldest : TimeSpan.Zero;
        var measured = new FeedLag(lag < TimeSpan.Zero ? TimeSpan.Zero : lag, backlog.Pending);
        // A measurement that began earlier (the loop's, finishing late) never replaces a later one.
        var next = new Measured(measured, started);
        for (var current = Volatile.Read(ref _last); current is null || current.At <= started;)
        {
            var seen = Interlocked.CompareExchange(ref _last, next, current);
            if (ReferenceEquals(seen, current)) break;
            current = seen;
        }
        return measured;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_settings.FeedLagInterval);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                _logger.LogDebug(e, "Measuring the change feed's lag failed; the gauges are silent until it works again.");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private IEnumerable<Measurement<T>> Observe<T>(Func<FeedLag, T> value) where T : struct
    {
        if (Volatile.Read(ref _last) is { } last && Stopwatch.GetElapsedTime(last.At) < _settings.FeedLagInterval * 3)
            yield return new Measurement<T>(value(last.Lag));
    }
}
