using System.Diagnostics;
using System.Net;
using Npgsql;
using PlanApi.Tests.Features.Security;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.ProgressReports.ProgressReportRequests;

namespace PlanApi.Tests.Features.ProgressReports;

/// <summary>
/// A write never waits on another one past its bound: a locked item answers 503 and an Idempotency-Key still in
/// flight answers 409, both with Retry-After, both writing nothing; the client's retry then succeeds exactly once.
/// </summary>
/// <remarks>
/// The bounds are PostgreSQL's own lock timeouts, which run on the real clock, so these tests time the request with a
/// stopwatch: it waited on the lock (not less than a little under its bound) and then answered, at most
/// <see cref="AtMost"/> after it was sent. That ceiling is generous on purpose, for a loaded machine: a request that
/// did not honour its bound would wait for ever here, since the lock is released only after the request has answered.
/// </remarks>
public sealed class WriteWaitBoundsTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private static readonly TimeSpan AtMost = TimeSpan.FromSeconds(10);

    private readonly HttpClient _client = api.CreateClient();

    /// <summary>Another session's open transaction holding <paramref name="sql"/>'s locks until disposed.</summary>
    private async Task<NpgsqlTransaction> HoldAsync(string sql, params (string Name, object Value)[] parameters)
    {
        var connection = new NpgsqlConnection(TestDatabase.ConnectionString(api.Database));
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
        return transaction;
    }

    [Fact]
    public async Task A_report_on_an_item_locked_by_a_stuck_write_is_503_with_Retry_After_within_the_bound_and_the_retry_stores_it_once()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var key = NewKey();
        var body = Body("in_progress", 45);
        var held = await HoldAsync("SELECT 1 FROM plan_items WHERE plan_id = @plan AND ordinal = 11 FOR UPDATE", ("plan", Guid.Parse(planId)));
        HttpResponseMessage refused;
        var clock = Stopwatch.StartNew();
        try
        {
            refused = await _client.PostAsync(planId, 11, body, key);
        }
        finally
        {
            clock.Stop();
            await held.RollbackAsync();
            await held.Connection!.DisposeAsync();
        }

        await refused.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("1", Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), AtMost);
        Assert.Equal(0, await api.StoredCountAsync(planId, 11));

        var retried = await (await _client.PostAsync(planId, 11, body, key)).JsonAsync(HttpStatusCode.Created);
        var again = await _client.PostAsync(planId, 11, body, key);
        Assert.Equal(retried["id"]!.GetValue<string>(), (await again.JsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>());
        Assert.Equal(["true"], again.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(1, await api.StoredCountAsync(planId, 11));
    }

    [Fact]
    public async Task A_retry_while_its_first_attempt_is_still_in_flight_is_409_with_Retry_After_and_writes_nothing()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var key = NewKey();
        var scope = $"key:{await api.KeyIdAsync(api.AdminKey)}";
        // The first attempt, still running: it holds its key's lock as the API does.
        var held = await HoldAsync("SELECT pg_advisory_xact_lock(hashtextextended(@id, 0))", ("id", scope + "\n" + key));
        HttpResponseMessage refused;
        var clock = Stopwatch.StartNew();
        try
        {
            refused = await _client.PostAsync(planId, 12, Body("in_progress", 35), key);
        }
        finally
        {
            clock.Stop();
            await held.RollbackAsync();
            await held.Connection!.DisposeAsync();
        }

        var problem = await refused.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("1", Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.Equal(1, problem["retryAfterSeconds"]!.GetValue<int>());
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2.5), AtMost);
        Assert.Equal(0, await api.StoredCountAsync(planId, 12));

        await (await _client.PostAsync(planId, 12, Body("in_progress", 35), key)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, await api.StoredCountAsync(planId, 12));
    }
}
