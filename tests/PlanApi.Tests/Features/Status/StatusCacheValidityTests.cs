using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Npgsql;
using PlanApi.Data;
using PlanApi.Tests.Features.Security;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Status;

/// <summary>
/// Cached status and remembered ETags stay true: a write committed by another API instance (here: straight into
/// PostgreSQL, as another instance's transaction would) shows once this instance's store monitor has read the store
/// again, one <see cref="StoreVersionMonitor.Interval"/> later; a new day or a revoked key is never answered from
/// what was remembered. The test clock drives the monitor: no test waits for time to pass.
/// </summary>
public sealed class StatusCacheValidityTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _portal = api.CreateAnonymousClient();

    /// <summary>A GET revalidating <paramref name="etag"/>, as a poller sends it.</summary>
    private static async Task<HttpResponseMessage> PollAsync(HttpClient client, string url, EntityTagHeaderValue etag)
    {
        using var poll = new HttpRequestMessage(HttpMethod.Get, url);
        poll.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(poll);
    }

    [Fact]
    public async Task A_write_of_another_instance_changes_the_status_and_its_ETag_one_monitor_interval_later()
    {
        var planId = await SeededPlan.IdAsync(_portal);
        var url = $"/api/v1/plans/{planId}/status";
        await api.CheckStoreVersionAsync();
        var before = await _portal.GetAsync(url);
        var status = await before.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, status["byStatus"]!["completed"]!.GetValue<int>());
        var etag = before.Headers.ETag!;

        await using (var other = new NpgsqlConnection(TestDatabase.ConnectionString(api.Database)))
        {
            await other.OpenAsync();
            await using var transaction = await other.BeginTransactionAsync();
            await using var write = new NpgsqlCommand("""
                UPDATE plan_items SET status = 'completed', percent_complete = 100, completed_on = DATE '2023-03-14', updated_at = now()
                WHERE plan_id = @plan AND ordinal = 3;
                INSERT INTO change_records (occurred_at, action, resource_type, resource_key, link, public)
                VALUES (now(), 'update', 'plan_item', @plan::text || '/3', '/api/v1/plans/' || @plan::text || '/items/3', true);
                """, other, transaction);
            write.Parameters.AddWithValue("plan", Guid.Parse(planId));
            await write.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        // No time has passed on the clock, so the monitor has not read the store since: the poll is answered from
        // memory. This is what makes the answer after the interval the monitor's doing.
        using (var remembered = await PollAsync(_portal, url, etag))
        {
            Assert.Equal(HttpStatusCode.NotModified, remembered.StatusCode);
        }

        await api.CheckStoreVersionAsync();
        using var answer = await PollAsync(_portal, url, etag);
        var changed = await answer.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, changed["byStatus"]!["completed"]!.GetValue<int>());
        Assert.NotEqual(etag, answer.Headers.ETag);
    }

    [Fact]
    public async Task The_next_day_a_poll_with_yesterdays_ETag_gets_the_new_status()
    {
        var planId = await SeededPlan.IdAsync(_portal);
        var url = $"/api/v1/plans/{planId}/status";
        api.SetToday(new DateOnly(2023, 6, 1));
        // The monitor has read the store at this time, so remembered ETags are consulted (and must not answer tomorrow).
        await api.CheckStoreVersionAsync();
        var first = await _portal.GetAsync(url);
        await first.JsonAsync(HttpStatusCode.OK);
        using (var notModified = await PollAsync(_portal, url, first.Headers.ETag!))
        {
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Equal(first.Headers.ETag, notModified.Headers.ETag);
            Assert.Equal("no-cache", notModified.Headers.CacheControl!.ToString());
        }

        api.SetToday(new DateOnly(2023, 6, 2));
        await api.CheckStoreVersionAsync();
        using var answer = await PollAsync(_portal, url, first.Headers.ETag!);
        var status = await answer.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2023-06-02", status["today"]!.GetValue<string>());
        Assert.NotEqual(first.Headers.ETag, answer.Headers.ETag);
    }

    [Fact]
    public async Task An_ETag_remembered_for_an_admin_never_answers_a_caller_who_may_not_see_the_draft()
    {
        var admin = api.CreateClient();
        await api.CheckStoreVersionAsync();
        var (draftId, _) = await admin.CreateDraftPlanAsync();
        var url = $"/api/v1/plans/{draftId}/status";
        var first = await admin.GetAsync(url);
        await first.JsonAsync(HttpStatusCode.OK);
        using (var notModified = await PollAsync(admin, url, first.Headers.ETag!))
        {
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }

        using var refused = await PollAsync(_portal, url, first.Headers.ETag!);
        await refused.ProblemAsync(HttpStatusCode.NotFound);
    }
}
