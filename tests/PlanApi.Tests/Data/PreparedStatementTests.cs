using System.Diagnostics;
using System.Net;
using Npgsql;
using PlanApi.Data;
using PlanApi.Tests.Features.ProgressReports;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Data;

/// <summary>
/// The hot requests' statements are parsed and planned once per connection, not on every request: after a connection
/// has run a statement a few times, Npgsql sends it as a named prepared statement (its automatic preparation, which
/// the API's connection string turns on). Every statement of the measured requests is checked, so a new query that
/// cannot be prepared (its SQL text differs on every call, say) fails here.
/// </summary>
public sealed class PreparedStatementTests(PreparedStatementTests.FewConnectionsFactory api) : IClassFixture<PreparedStatementTests.FewConnectionsFactory>
{
    /// <summary>
    /// The API with at most three pooled connections: sequential requests then take turns among few connections, so
    /// that the warm-up below reaches every one of them many times over, however busy the machine.
    /// </summary>
    public sealed class FewConnectionsFactory : PlanApiFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:PlanDb", TestDatabase.ConnectionString(Database) + ";Maximum Pool Size=3");
        }
    }

    /// <summary>
    /// Enough calls for every pooled connection to pass Npgsql's threshold (5 uses) even when sequential requests
    /// take turns among a few connections.
    /// </summary>
    private const int WarmUp = 25;

    private const int Measured = 3;

    /// <summary>The most requests sent to see <see cref="Measured"/> statements on warmed-up connections.</summary>
    private const int MaxMeasured = 200;

    /// <summary>Npgsql's default: a statement is prepared on a connection at its fifth use there.</summary>
    private const int AutoPrepareMinUsages = 5;

    [Fact]
    public async Task Hot_reads_and_the_report_post_run_only_prepared_statements()
    {
        var client = api.CreateClient();
        var reporter = await api.CreateClientAsync(PlanApi.Domain.ClientRole.Reporter, ProgressReportRequests.BanTdkt);
        var planId = await SeededPlan.IdAsync(client);
        var percent = 0;
        var ordinal = 0;
        var size = 0;
        var requests = new (string Name, bool ReadsStore, Func<Task> Send)[]
        {
            // Another item each time, so that each is read from the store rather than from the items' read model.
            ("item by key", true, () => client.GetJsonAsync($"/api/v1/plans/{planId}/items/{ordinal = ordinal % 32 + 1}")),
            // Pages of another size each time, so that each is computed rather than answered from memory.
            ("agency page", true, () => client.GetJsonAsync($"/api/v1/agencies/ban-tdkt-can-tho/items?limit={size = size % 40 + 1}")),
            ("search", true, () => client.GetJsonAsync($"/api/v1/plans/{planId}/items?q=khen%20thuong&limit={size = size % 40 + 1}")),
            // Answered from memory while nothing changes: whatever it does send must be prepared.
            ("plan status", false, () => client.GetJsonAsync($"/api/v1/plans/{planId}/status")),
            ("change feed", true, () => client.GetJsonAsync("/api/v1/changes?after=0&limit=20")),
            ("report post", true, async () =>
            {
                var body = ProgressReportRequests.Body("in_progress", percent = percent % 99 + 1);
                var response = await reporter.PostAsync(planId, 11, body, ProgressReportRequests.NewKey());
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            }),
        };

        using var log = new CommandLog(api.Database);
        foreach (var (name, readsStore, send) in requests)
        {
            for (var i = 0; i < WarmUp; i++) await send();
            log.Clear();
            // Npgsql prepares a statement on its fifth use on a connection; a connection the pool opened meanwhile
            // (for a background check, say) starts afresh, so only statements that connection had run before count,
            // and requests go on until enough of them did (on a busy machine the pool takes turns among more connections).
            List<(string Sql, bool Prepared, int EarlierUses)> due = [];
            for (var i = 0; i < MaxMeasured && (i < Measured || (readsStore && due.Count < Measured)); i++)
            {
                await send();
                due = [.. log.Take().Where(c => c.EarlierUses >= AutoPrepareMinUsages - 1)];
            }
            Assert.True(!readsStore || due.Count >= Measured, $"{name}: too few statements ran on warmed-up connections ({due.Count} of {log.Take().Count})");
            var unprepared = due.Where(c => !c.Prepared).Select(c => c.Sql).Distinct().ToList();
            Assert.True(unprepared.Count == 0, $"{name} sent {unprepared.Count} statement(s) unprepared:\n{string.Join("\n---\n", unprepared)}");
        }
    }

    [Fact]
    public void The_connection_string_turns_automatic_preparation_on_unless_it_says_otherwise()
    {
        Assert.Equal(DataServices.MaxAutoPrepare,
            new NpgsqlConnectionStringBuilder(DataServices.WithSessionDefaults("Host=db;Database=planapi")).MaxAutoPrepare);
        Assert.Equal(0,
            new NpgsqlConnectionStringBuilder(DataServices.WithSessionDefaults("Host=db;Database=planapi;Max Auto Prepare=0")).MaxAutoPrepare);
        Assert.Equal(7,
            new NpgsqlConnectionStringBuilder(DataServices.WithSessionDefaults("Host=db;Database=planapi;maxautoprepare=7")).MaxAutoPrepare);
    }

    /// <summary>
    /// The statements Npgsql sent to one database, whether each went as a prepared statement and how often its
    /// connection had run it before: Npgsql's own trace of every command (tags <c>db.npgsql.prepared</c> and
    /// <c>db.npgsql.connection_id</c>), listened to directly.
    /// </summary>
    private sealed class CommandLog : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly Dictionary<(object? Connection, string Sql), int> _uses = [];
        private readonly Lock _gate = new();
        private List<(string Sql, bool Prepared, int EarlierUses)> _commands = [];

        public CommandLog(string database)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.GetTagItem("db.namespace") as string != database || activity.GetTagItem("db.query.text") is not string sql) return;
                    var prepared = activity.GetTagItem("db.npgsql.prepared") is true;
                    lock (_gate)
                    {
                        var key = (activity.GetTagItem("db.npgsql.connection_id"), sql);
                        var earlier = _uses.GetValueOrDefault(key);
                        _uses[key] = earlier + 1;
                        _commands.Add((sql, prepared, earlier));
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public void Clear()
        {
            lock (_gate) _commands = [];
        }

        public IReadOnlyList<(string Sql, bool Prepared, int EarlierUses)> Take()
        {
            lock (_gate) return [.. _commands];
        }

        public void Dispose() => _listener.Dispose();
    }
}
