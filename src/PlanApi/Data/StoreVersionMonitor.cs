using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using PlanApi.Common;

namespace PlanApi.Data;

/// <summary>
/// Tells readers whether anything was written since, without a query per request: one loop per API instance reads
/// the store's version (<see cref="ChangeFeed.VersionAsync"/>) every <see cref="Interval"/> and moves its generation
/// when it changed; every commit of this instance moves it at once (<see cref="CommitObserver"/> calls
/// <see cref="Written"/>). So a cache keyed by the generation serves this instance's writes at once and other
/// instances' writes within an interval. While the loop cannot reach the database, <see cref="TryGetGeneration"/>
/// says no and callers ask the database themselves. Time is the injected <see cref="TimeProvider"/>'s, so tests move
/// it instead of waiting.
/// </summary>
public sealed class StoreVersionMonitor(
    StoreMonitorDatabase database, StoreChanges changes, TimeProvider clock, IOptions<ConditionalGetOptions> options,
    ILogger<StoreVersionMonitor> logger)
    : BackgroundService
{
    /// <summary>More feed entries than this since the last check: the read models start afresh instead of reading them.</summary>
    public const int MaxChangesPerCheck = 5_000;

    /// <summary>How often the store's version is read (<see cref="ConditionalGetOptions.StoreCheckInterval"/>).</summary>
    public TimeSpan Interval { get; } = options.Value.StoreCheckInterval;

    /// <summary>A generation older than this is not trusted: the loop is failing or starved.</summary>
    private readonly TimeSpan _fresh = options.Value.StoreCheckMaxAge;

    private long _generation;
    private long _checkedAt;
    private ChangeFeed.StoreVersion? _seen;
    private TaskCompletionSource _nextCheck = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The current generation, when the last check is recent.</summary>
    public bool TryGetGeneration(out long generation)
    {
        generation = Interlocked.Read(ref _generation);
        var checkedAt = Interlocked.Read(ref _checkedAt);
        return checkedAt != 0 && clock.GetElapsedTime(checkedAt) < _fresh;
    }

    /// <summary>Call after a commit of this instance, so that its own next reads see the write.</summary>
    public void Written() => Interlocked.Increment(ref _generation);

    /// <summary>
    /// Completes when a check of the store's version that begins after this call has ended (read or failed): what a
    /// caller waits on to know that writes committed before the call are now seen.
    /// </summary>
    public Task NextCheck => Volatile.Read(ref _nextCheck).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Created before the first check, so a tick that falls due while a check runs is kept for the next one.
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            var done = Interlocked.Exchange(ref _nextCheck, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            try
            {
                await using var db = database.Open();
                var version = await ChangeFeed.VersionAsync(db, stoppingToken);
                if (version != _seen)
                {
                    await TellReadModelsAsync(db, _seen, version, stoppingToken);
                    _seen = version;
                    Interlocked.Increment(ref _generation);
                }
                Interlocked.Exchange(ref _checkedAt, clock.GetTimestamp());
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug(e, "Reading the store's version failed; readers ask the database until it works again.");
            }
            finally
            {
                done.TrySetResult();
            }
        }
        while (await WaitForNextTickAsync(timer, stoppingToken));
    }

    /// <summary>
    /// Tells the read models what changed since <paramref name="seen"/>: the resources of every feed entry at or above
    /// its horizon (all that committed since, this instance's own writes again among them), and the credentials when
    /// a key was revoked.
    /// </summary>
    private async Task TellReadModelsAsync(PlanDbContext db, ChangeFeed.StoreVersion? seen, ChangeFeed.StoreVersion now, CancellationToken ct)
    {
        if (seen is null)
        {
            changes.Reset();
            return;
        }
        var changed = await ChangeFeed.ChangedSinceAsync(db, seen.Horizon, MaxChangesPerCheck + 1, ct);
        if (changed.Count > MaxChangesPerCheck)
        {
            changes.Reset();
            return;
        }
        if (now.Revoked != seen.Revoked) changed.Add(new ResourceChange(StoreChanges.ApiKeyType, "*"));
        changes.Publish(changed);
    }

    private static async Task<bool> WaitForNextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>
/// The <see cref="StoreVersionMonitor"/>'s way to the store: a pool of one connection of its own. From the requests'
/// pool it would queue behind them when the API is saturated, its checks would fall behind
/// <see cref="ConditionalGetOptions.StoreCheckMaxAge"/>, and every read model would stop serving just when it helps most.
/// </summary>
public sealed class StoreMonitorDatabase(DbContextOptions<PlanDbContext> options)
{
    private const string ApplicationNameSuffix = " (store monitor)";

    /// <summary>The requests' connection string with a pool of one (a distinct string is a distinct pool) and a name of its own.</summary>
    public static string ConnectionString(string requests)
    {
        var builder = new NpgsqlConnectionStringBuilder(requests) { MaxPoolSize = 1, MinPoolSize = 0 };
        builder.ApplicationName = (builder.ApplicationName ?? "PlanApi") + ApplicationNameSuffix;
        return builder.ConnectionString;
    }

    public PlanDbContext Open() => new(options);
}

/// <summary>Tells the <see cref="StoreVersionMonitor"/> of every transaction a <see cref="PlanDbContext"/> commits.</summary>
public sealed class CommitObserver(StoreVersionMonitor monitor) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => monitor.Written();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        monitor.Written();
        return Task.CompletedTask;
    }
}
