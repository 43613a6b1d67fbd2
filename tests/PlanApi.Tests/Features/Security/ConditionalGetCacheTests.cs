using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PlanApi.Data;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Plans.PlanRequests;
using static PlanApi.Tests.Features.Security.SecurityRequests;

namespace PlanApi.Tests.Features.Security;

/// <summary>
/// The API with a conditional-GET cache of two entries of each kind whose store check runs once, at start: the store
/// generation then moves only with this instance's own writes, so a change made straight in PostgreSQL shows exactly
/// where an answer is computed again instead of served from memory.
/// </summary>
public sealed class SmallConditionalGetCacheFactory : PlanApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConditionalGet:Capacity", "2");
        builder.UseSetting("ConditionalGet:AnswerCapacity", "2");
    }
}

/// <summary>
/// The remembered ETags and the cached status answers are bounded: when full, the least recently used entry goes and
/// the others stay; a poll is 304 only when it names the client's current ETag, whatever memory has dropped.
/// </summary>
public sealed class ConditionalGetCacheTests(SmallConditionalGetCacheFactory api) : IClassFixture<SmallConditionalGetCacheFactory>
{
    private readonly HttpClient _admin = api.CreateClient();

    /// <summary>Three draft plans of one item each, then a trusted store generation.</summary>
    private async Task<string[]> ThreePlansAsync()
    {
        var plans = new string[3];
        for (var i = 0; i < plans.Length; i++)
        {
            plans[i] = (await _admin.CreateDraftPlanAsync()).Id;
            await _admin.CreateItemAsync(plans[i], ItemBody(1));
        }
        await api.CheckStoreVersionAsync();
        return plans;
    }

    /// <summary>Changes the plans in PostgreSQL without the change record every API write makes.</summary>
    private async Task ChangeBehindTheApiAsync(string sql, params string[] plans)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString(api.Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("plans", plans.Select(Guid.Parse).ToArray());
        await command.ExecuteNonQueryAsync();
    }

    private async Task<int> CompletedAsync(string planId) =>
        (await _admin.GetJsonAsync($"{PlansPath}/{planId}/status"))["byStatus"]!["completed"]!.GetValue<int>();

    private async Task<HttpResponseMessage> PollAsync(HttpClient client, string url, string etag) =>
        await client.SendAsync(HttpMethod.Get, url, null, ("If-None-Match", etag));

    [Fact]
    public async Task The_least_recently_used_status_is_computed_again_and_the_others_are_served_from_memory()
    {
        var plans = await ThreePlansAsync();
        var (p, q, r) = (plans[0], plans[1], plans[2]);
        Assert.Equal(0, await CompletedAsync(p));
        Assert.Equal(0, await CompletedAsync(q));
        Assert.Equal(0, await CompletedAsync(p)); // used again: q is now the least recently used
        Assert.Equal(0, await CompletedAsync(r)); // a third plan in a cache of two: q goes

        await ChangeBehindTheApiAsync(
            "UPDATE plan_items SET status = 'completed', percent_complete = 100, completed_on = DATE '2023-03-14' WHERE plan_id = ANY(@plans)",
            p, q, r);

        Assert.Equal(0, await CompletedAsync(p));
        Assert.Equal(0, await CompletedAsync(r));
        Assert.Equal(1, await CompletedAsync(q));

        // A write through the API moves the generation: nothing computed before it is served.
        await _admin.CreateItemAsync(q, ItemBody(2));
        Assert.Equal(1, await CompletedAsync(p));
        Assert.Equal(1, await CompletedAsync(r));
    }

    [Fact]
    public async Task The_least_recently_used_ETag_is_forgotten_and_a_poll_naming_it_is_answered_from_the_store()
    {
        var plans = await ThreePlansAsync();
        var urls = plans.Select(id => $"{PlansPath}/{id}").ToArray();
        var etags = new string[3];
        etags[0] = await _admin.ETagAsync(urls[0]);
        etags[1] = await _admin.ETagAsync(urls[1]);
        using (var again = await PollAsync(_admin, urls[0], etags[0])) // used again: plan 1 is now the least recently used
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        etags[2] = await _admin.ETagAsync(urls[2]); // a third ETag in a cache of two: plan 1's goes

        await ChangeBehindTheApiAsync("UPDATE plans SET title = title || ' (bản sửa)' WHERE id = ANY(@plans)", plans);

        foreach (var i in new[] { 2, 0 })
        {
            using var remembered = await PollAsync(_admin, urls[i], etags[i]);
            Assert.Equal(HttpStatusCode.NotModified, remembered.StatusCode);
            Assert.Equal(etags[i], remembered.Headers.ETag?.Tag);
        }
        using (var forgotten = await PollAsync(_admin, urls[1], etags[1]))
        {
            var plan = await forgotten.JsonAsync(HttpStatusCode.OK);
            Assert.EndsWith("(bản sửa)", plan.Str("title"));
            Assert.NotEqual(etags[1], forgotten.Headers.ETag?.Tag);
        }

        // A write through the API moves the generation: no remembered ETag answers a poll after it.
        await _admin.CreateItemAsync(plans[1], ItemBody(2));
        foreach (var i in new[] { 0, 2 })
        {
            using var changed = await PollAsync(_admin, urls[i], etags[i]);
            Assert.EndsWith("(bản sửa)", (await changed.JsonAsync(HttpStatusCode.OK)).Str("title"));
        }
    }

    [Fact]
    public async Task With_the_cache_full_a_poll_is_304_exactly_when_it_names_the_clients_own_current_ETag()
    {
        var plans = await ThreePlansAsync();
        var anonymous = api.CreateAnonymousClient();
        var urls = plans.SelectMany(id => new[] { $"{PlansPath}/{id}", $"{PlansPath}/{id}/status" }).ToArray();
        var etags = new List<string>();
        foreach (var url in urls) etags.Add(await _admin.ETagAsync(url));

        for (var round = 0; round < 2; round++)
        {
            for (var i = urls.Length - 1; i >= 0; i--)
            {
                using (var current = await PollAsync(_admin, urls[i], etags[i]))
                {
                    Assert.Equal(HttpStatusCode.NotModified, current.StatusCode);
                    Assert.Equal(etags[i], current.Headers.ETag?.Tag);
                    Assert.Single(current.Headers.GetValues("api-supported-versions"));
                }
                // The drafts are the admin's to see: the admin's ETag never answers an anonymous caller.
                using var refused = await PollAsync(anonymous, urls[i], etags[i]);
                await refused.ProblemAsync(HttpStatusCode.NotFound);
                using var other = await PollAsync(_admin, urls[i], "\"AAAAAAAAAAAAAAAAAAAAAAAA\"");
                Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            }
        }
    }
}
