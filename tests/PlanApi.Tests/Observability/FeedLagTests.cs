using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PlanApi.Common.Observability;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.ProgressReports.ProgressReportRequests;

namespace PlanApi.Tests.Observability;

/// <summary>
/// The change feed's lag: a committed change the feed cannot list yet, because an older transaction still runs,
/// shows as <c>planapi.feed.lag</c> (its age) and <c>planapi.feed.pending</c> until that transaction ends.
/// </summary>
public sealed class FeedLagTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    [Fact]
    public async Task A_change_held_back_by_an_older_transaction_shows_as_lag_until_that_transaction_ends()
    {
        var client = api.CreateClient();
        var planId = await SeededPlan.IdAsync(client);
        var monitor = api.Services.GetRequiredService<FeedLagMonitor>();
        Assert.Equal(new FeedLagMonitor.FeedLag(TimeSpan.Zero, 0), await SampleUntilCaughtUpAsync(monitor));

        await using var older = new NpgsqlConnection(TestDatabase.ConnectionString(api.Database));
        await older.OpenAsync();
        await using var transaction = await older.BeginTransactionAsync();
        // A transaction id makes it a writer the feed must wait for.
        await using (var xid = new NpgsqlCommand("SELECT pg_current_xact_id()", older, transaction)) await xid.ExecuteScalarAsync();

        await (await client.PostAsync(planId, 11, Body(), NewKey())).JsonAsync(HttpStatusCode.Created);
        api.Clock.Advance(TimeSpan.FromSeconds(90));

        var held = await monitor.SampleAsync(CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(90), held.Lag);
        // The report's entries (the report, its item's new version) wait behind the older transaction.
        Assert.True(held.Pending > 0);
        Assert.Equal((90.0, held.Pending), Gauges());

        await transaction.RollbackAsync();
        Assert.Equal(new FeedLagMonitor.FeedLag(TimeSpan.Zero, 0), await SampleUntilCaughtUpAsync(monitor));
        Assert.Equal((0.0, 0L), Gauges());
    }

    /// <summary>
    /// The horizon errs on the safe side: another test database's transaction ending while it is read holds it for
    /// that one reading. A few readings in a row, no waiting between them, see past such an instant.
    /// </summary>
    private static async Task<FeedLagMonitor.FeedLag> SampleUntilCaughtUpAsync(FeedLagMonitor monitor)
    {
        FeedLagMonitor.FeedLag lag = new(TimeSpan.MaxValue, -1);
        for (var reading = 0; reading < 20 && lag.Pending != 0; reading++) lag = await monitor.SampleAsync(CancellationToken.None);
        return lag;
    }

    /// <summary>The gauges of this host's meter, as an exporter would read them.</summary>
    private (double Lag, long Pending) Gauges()
    {
        var meters = api.Services.GetRequiredService<IMeterFactory>();
        double? lag = null;
        long? pending = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Name.StartsWith("planapi.feed.", StringComparison.Ordinal))
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (instrument.Name == "planapi.feed.lag") lag = value;
        });
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "planapi.feed.pending") pending = value;
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return (Assert.NotNull(lag), Assert.NotNull(pending));
    }
}
