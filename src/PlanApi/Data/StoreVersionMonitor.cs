using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using PlanApi.Common;

namespace PlanApi.Data;

/// <summary>
/// Tells readers whether anything was written since, without a query per request: one loop per API instance reads
/// the store's version (<see cref="ChangeFeed.VersionAsync"/>) every <see cref="ConditionalGetOptions.StoreCheckInterval"/>
/// and moves its generation when it changed; every commit of this instance moves it at once (<see cref="CommitObserver"/>
/// calls <see cref="Written"/>). So a cache keyed by the generation serves this instance's writes at once and other
/// instances' writes within an interval. While the loop cannot reach the database, <see cref="TryGetGeneration"/>
/// says no and callers ask the database themselves.
/// </summary>
public sealed class StoreVersionMonitor(IServiceScopeFactory scopes, IOptions<ConditionalGetOptions> options, ILogger<StoreVersionMonitor> logger)
    : BackgroundService
{
    private readonly TimeSpan _interval = options.Value.StoreCheckInterval;

    /// <summary>A generation older than this is not trusted (the loop is failing or starved).</summary>
    private readonly TimeSpan _maxAge = options.Value.StoreCheckMaxAge;

    private readonly TaskCompletionSource _firstCheck = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _generation;
    private long _checkedAt;
    private ChangeFeed.StoreVersion? _seen;

    /// <summary>The current generation, when the last check is recent.</summary>
    public bool TryGetGeneration(out long generation)
    {
        generation = Interlocked.Read(ref _generation);
        var checkedAt = Interlocked.Read(ref _checkedAt);
        return checkedAt != 0 && Stopwatch.GetElapsedTime(checkedAt) < _maxAge;
    }

    /// <summary>Completes when the store's version has been read once (from then on there is a generation).</summary>
    public Task FirstCheck => _firstCheck.Task;

    /// <summary>Call after a commit of this instance, so that its own next reads see the write.</summary>
    public void Written() => Interlocked.Increment(ref _generation);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var version = await ChangeFeed.VersionAsync(scope.ServiceProvider.GetRequiredService<PlanDbContext>(), stoppingToken);
                if (version != _seen)
                {
                    _seen = version;
                    Interlocked.Increment(ref _generation);
                }
                Interlocked.Exchange(ref _checkedAt, Stopwatch.GetTimestamp());
                _firstCheck.TrySetResult();
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug(e, "Reading the store's version failed; readers ask the database until it works again.");
            }
            try
            {
                await Task.Delay(_interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
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
