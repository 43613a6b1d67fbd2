using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PlanApi.Common.Observability;

/// <summary>
/// The API's own traces and metrics: one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named
/// <c>PlanApi</c>, and the instruments of the write path. Recording is cheap (a few tag lookups, no allocation
/// for the common tags) and does nothing while no exporter listens. Tag values come from short fixed sets, never
/// from request input, so that the series stay few.
/// </summary>
public static class PlanApiTelemetry
{
    public const string Name = "PlanApi";

    /// <summary>The span tag and metric tag of an idempotent POST's outcome (see <see cref="IdempotencyOutcomes"/>).</summary>
    public const string IdempotencyOutcomeTag = "planapi.idempotency.outcome";

    public const string LockNameTag = "planapi.lock.name";
    public const string LockOutcomeTag = "planapi.lock.outcome";
    public const string ResourceTypeTag = "planapi.resource.type";
    public const string ActionTag = "planapi.action";

    private static readonly string? Version = typeof(PlanApiTelemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource ActivitySource = new(Name, Version);
    public static readonly Meter Meter = new(Name, Version);

    /// <summary>Bucket bounds in seconds for waits and writes: 1 ms to 10 s (lock waits are bounded at 2–3 s).</summary>
    private static readonly double[] SecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10];

    private static readonly Counter<long> IdempotencyRequests = Meter.CreateCounter<long>(
        "planapi.idempotency.requests", "{request}",
        "POST requests carrying an Idempotency-Key, by outcome: first (processed), replayed, conflict (still in flight), mismatch (key reused for another request).");

    private static readonly Histogram<double> LockWait = Meter.CreateHistogram(
        "planapi.lock.wait.duration", "s", "How long a write waited for a lock, by lock and outcome (acquired or timed_out).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    private static readonly Histogram<double> WriteDuration = Meter.CreateHistogram(
        "planapi.write.duration", "s",
        "Accepted writes (audited and fed to the change feed), from the start of their transaction to its commit, by resource type and action.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    /// <summary>The outcomes of a POST with an Idempotency-Key.</summary>
    public static class IdempotencyOutcomes
    {
        /// <summary>The key was new: the request was processed (whatever its answer).</summary>
        public const string First = "first";

        /// <summary>The key and request were seen before: the stored answer was replayed.</summary>
        public const string Replayed = "replayed";

        /// <summary>The first request with the key was still in flight after the wait: 409.</summary>
        public const string Conflict = "conflict";

        /// <summary>The key was used before for another request: 422.</summary>
        public const string Mismatch = "mismatch";

        /// <summary>What an unknown outcome is counted as, so that a typo cannot make a new series per value.</summary>
        public const string Other = "other";

        internal static string Normalize(string? outcome) => outcome switch
        {
            First or Replayed or Conflict or Mismatch => outcome,
            _ => Other,
        };
    }

    /// <summary>The outcomes of a lock wait.</summary>
    public static class LockOutcomes
    {
        public const string Acquired = "acquired";
        public const string TimedOut = "timed_out";
    }

    /// <summary>
    /// Counts one POST with an Idempotency-Key by its <paramref name="outcome"/> (<see cref="IdempotencyOutcomes"/>:
    /// first, replayed, conflict or mismatch) and tags the current request's span with it.
    /// </summary>
    public static void RecordIdempotencyOutcome(string outcome)
    {
        var normalized = IdempotencyOutcomes.Normalize(outcome);
        IdempotencyRequests.Add(1, new KeyValuePair<string, object?>(IdempotencyOutcomeTag, normalized));
        TagIdempotencyOutcome(Activity.Current, normalized);
    }

    /// <summary>Tags <paramref name="activity"/> (the request's span) with the idempotency outcome; null is ignored.</summary>
    public static void TagIdempotencyOutcome(Activity? activity, string outcome)
    {
        if (activity is { IsAllDataRequested: true }) activity.SetTag(IdempotencyOutcomeTag, IdempotencyOutcomes.Normalize(outcome));
    }

    /// <summary>
    /// Records how long a write waited for the lock <paramref name="lockName"/> (a fixed name such as
    /// <c>idempotency_key</c> or <c>plan_item</c>), and whether it got it (<see cref="LockOutcomes"/>).
    /// </summary>
    public static void RecordLockWait(TimeSpan waited, string lockName, bool acquired = true) =>
        LockWait.Record(Math.Max(0, waited.TotalSeconds),
            new KeyValuePair<string, object?>(LockNameTag, lockName),
            new KeyValuePair<string, object?>(LockOutcomeTag, acquired ? LockOutcomes.Acquired : LockOutcomes.TimedOut));

    /// <summary>
    /// Records one accepted write of <paramref name="resourceType"/> (<c>progress_report</c>, <c>plan</c> …) by
    /// <paramref name="action"/> (<c>create</c>, <c>update</c>, <c>delete</c>) and how long its transaction took;
    /// the histogram's count is the number of writes.
    /// </summary>
    public static void RecordWrite(string resourceType, string action, TimeSpan duration) =>
        WriteDuration.Record(Math.Max(0, duration.TotalSeconds),
            new KeyValuePair<string, object?>(ResourceTypeTag, resourceType),
            new KeyValuePair<string, object?>(ActionTag, action));

    /// <summary>
    /// Starts a span for a write (a child of the request's span), tagged with its resource type and action; null
    /// when tracing is off. Dispose it when the write has committed.
    /// </summary>
    public static Activity? StartWrite(string resourceType, string action)
    {
        var activity = ActivitySource.StartActivity($"write {resourceType}");
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(ResourceTypeTag, resourceType);
            activity.SetTag(ActionTag, action);
        }
        return activity;
    }
}
