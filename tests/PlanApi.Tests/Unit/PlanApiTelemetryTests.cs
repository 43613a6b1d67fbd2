using System.Diagnostics;
using System.Diagnostics.Metrics;
using PlanApi.Common.Observability;

namespace PlanApi.Tests.Unit;

/// <summary>
/// The write path's instruments record what they are given, with their tags. Other tests in the process record on
/// the same static meter at the same time: each test keeps only the measurements made under its own activity.
/// </summary>
public sealed class PlanApiTelemetryTests : IDisposable
{
    private readonly Activity _test = new Activity("test").Start();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly MeterListener _listener = new();

    public PlanApiTelemetryTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, PlanApiTelemetry.Meter)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.Start();
    }

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Activity.Current != _test) return;
        lock (_measurements) _measurements.Add((instrument.Name, value, new Dictionary<string, object?>(tags.ToArray())));
    }

    [Theory]
    [InlineData("first")]
    [InlineData("replayed")]
    [InlineData("conflict")]
    [InlineData("mismatch")]
    public void An_idempotency_outcome_is_counted_and_tags_the_request_span(string outcome)
    {
        PlanApiTelemetry.RecordIdempotencyOutcome(outcome);

        var counted = Assert.Single(_measurements);
        Assert.Equal("planapi.idempotency.requests", counted.Instrument);
        Assert.Equal(1, counted.Value);
        Assert.Equal(outcome, counted.Tags[PlanApiTelemetry.IdempotencyOutcomeTag]);
        Assert.Equal(outcome, _test.GetTagItem("planapi.idempotency.outcome"));
    }

    [Fact]
    public void An_unknown_outcome_is_counted_as_other_so_that_series_stay_few()
    {
        PlanApiTelemetry.RecordIdempotencyOutcome("Replayed!");

        Assert.Equal("other", Assert.Single(_measurements).Tags[PlanApiTelemetry.IdempotencyOutcomeTag]);
        Assert.Equal("other", _test.GetTagItem(PlanApiTelemetry.IdempotencyOutcomeTag));
    }

    [Fact]
    public void A_lock_wait_is_recorded_in_seconds_with_its_lock_and_outcome()
    {
        PlanApiTelemetry.RecordLockWait(TimeSpan.FromMilliseconds(250), "idempotency_key");
        PlanApiTelemetry.RecordLockWait(TimeSpan.FromSeconds(3), "plan_item", acquired: false);

        Assert.Collection(_measurements,
            m =>
            {
                Assert.Equal(("planapi.lock.wait.duration", 0.25), (m.Instrument, m.Value));
                Assert.Equal("idempotency_key", m.Tags["planapi.lock.name"]);
                Assert.Equal("acquired", m.Tags["planapi.lock.outcome"]);
            },
            m =>
            {
                Assert.Equal(("planapi.lock.wait.duration", 3.0), (m.Instrument, m.Value));
                Assert.Equal("plan_item", m.Tags["planapi.lock.name"]);
                Assert.Equal("timed_out", m.Tags["planapi.lock.outcome"]);
            });
    }

    [Fact]
    public void A_write_is_recorded_with_its_resource_type_action_and_duration()
    {
        PlanApiTelemetry.RecordWrite("progress_report", "create", TimeSpan.FromMilliseconds(12));

        var write = Assert.Single(_measurements);
        Assert.Equal(("planapi.write.duration", 0.012), (write.Instrument, write.Value));
        Assert.Equal("progress_report", write.Tags["planapi.resource.type"]);
        Assert.Equal("create", write.Tags["planapi.action"]);
    }

    [Fact]
    public void A_write_span_is_a_child_of_the_current_span_when_the_source_is_listened_to()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source == PlanApiTelemetry.ActivitySource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        using var write = PlanApiTelemetry.StartWrite("plan", "update");

        Assert.NotNull(write);
        Assert.Equal(_test.SpanId, write.ParentSpanId);
        Assert.Equal("plan", write.GetTagItem("planapi.resource.type"));
        Assert.Equal("update", write.GetTagItem("planapi.action"));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _test.Stop();
    }
}
