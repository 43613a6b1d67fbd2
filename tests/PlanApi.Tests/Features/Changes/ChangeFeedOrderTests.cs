using System.Net;
using Npgsql;
using PlanApi.Tests.Features.Security;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Security.SecurityRequests;

namespace PlanApi.Tests.Features.Changes;

/// <summary>
/// Writers share no lock, so they commit in any order; the feed lists a change only once every write that began
/// before it has finished. A poller's cursor is therefore never overtaken by a slower, older write.
/// </summary>
public sealed class ChangeFeedOrderTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient();

    [Fact]
    public async Task A_change_committed_behind_an_older_running_write_waits_for_it_and_both_come_in_order()
    {
        var start = await _admin.FeedEndAsync();

        // An older write still running: a change record inserted, not yet committed.
        await using var older = new NpgsqlConnection(TestDatabase.ConnectionString(api.Database));
        await older.OpenAsync();
        await using var transaction = await older.BeginTransactionAsync();
        var heldKey = NewCode("held");
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO change_records (occurred_at, action, resource_type, resource_key, link, public) " +
            "VALUES (now(), 'update', 'agency', @key, '/api/v1/agencies/' || @key, true) RETURNING sequence", older, transaction))
        {
            insert.Parameters.AddWithValue("key", heldKey);
            await insert.ExecuteScalarAsync();
        }

        // A newer write commits first, through the API.
        var code = await _admin.CreateAgencyAsync();

        var whileRunning = await _admin.GetJsonAsync($"{ChangesPath}?after={start}");
        Assert.Empty(whileRunning.Items());
        Assert.Equal(start, whileRunning["cursor"]!.GetValue<long>());
        Assert.False(whileRunning["hasMore"]!.GetValue<bool>());

        await transaction.CommitAsync();

        var changes = await _admin.FeedAfterAsync(start);
        Assert.Equal([$"agency update {heldKey}", $"agency create {code}"], changes.Select(Describe));
        Assert.True(changes[0]["sequence"]!.GetValue<long>() < changes[1]["sequence"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_write_sees_its_own_change_in_the_feed_at_once()
    {
        var start = await _admin.FeedEndAsync();
        var code = await _admin.CreateAgencyAsync();
        var changes = await _admin.FeedAfterAsync(start);
        Assert.Equal([$"agency create {code}"], changes.Select(Describe));
    }

    [Fact]
    public async Task Positions_of_one_transaction_are_consecutive_and_above_every_earlier_one()
    {
        var planId = await SeededPlan.IdAsync(_admin);
        var start = await _admin.FeedEndAsync();
        await (await _admin.PostReportAsync(planId, 5, ReportBody(BanTdkt, percent: 30))).JsonAsync(HttpStatusCode.Created);

        var changes = await _admin.FeedAfterAsync(start);
        Assert.Equal(["progress_report create", "plan_item update"], changes.Select(c => $"{c.Str("resourceType")} {c.Str("action")}"));
        var first = changes[0]["sequence"]!.GetValue<long>();
        Assert.True(first > start);
        Assert.Equal(first + 1, changes[1]["sequence"]!.GetValue<long>());
    }
}
