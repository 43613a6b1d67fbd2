using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using PlanApi.Tests.Features.ProgressReports;
using PlanApi.Tests.Features.Security;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Items;

/// <summary>
/// Items are read from the items' read model (kept in memory once read), and what it keeps is never older than the
/// writes it has been told of: this instance's writes show at once, on the item, the to-do pages and the search that
/// show it; another instance's (here: straight into PostgreSQL, with its feed entry, as its transaction would) once the
/// store monitor has read the store again. The test clock drives the monitor: no test waits for time to pass.
/// </summary>
public sealed class ItemReadModelTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task A_write_of_another_instance_shows_on_the_item_its_agency_page_and_search_one_monitor_interval_later()
    {
        var planId = await SeededPlan.IdAsync(_client);
        await api.CheckStoreVersionAsync();
        var before = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/3");
        var lead = before["lead"]!["code"]!.GetValue<string>();
        Assert.NotEqual("completed", before["status"]!.GetValue<string>());
        await _client.GetJsonAsync($"/api/v1/agencies/{lead}/items?limit=100");
        await _client.GetJsonAsync($"/api/v1/plans/{planId}/items?q=thi%20dua");

        await using (var other = new NpgsqlConnection(TestDatabase.ConnectionString(api.Database)))
        {
            await other.OpenAsync();
            await using var transaction = await other.BeginTransactionAsync();
            await using var write = new NpgsqlCommand("""
                UPDATE plan_items SET status = 'completed', percent_complete = 100, completed_on = DATE '2023-03-14',
                    content = 'Tổ chức phát động thi đua (sửa bởi phiên bản khác)', updated_at = now()
                WHERE plan_id = @plan AND ordinal = 3;
                INSERT INTO change_records (occurred_at, action, resource_type, resource_key, link, public)
                VALUES (now(), 'update', 'plan_item', @plan::text || '/3', '/api/v1/plans/' || @plan::text || '/items/3', true);
                """, other, transaction);
            write.Parameters.AddWithValue("plan", Guid.Parse(planId));
            await write.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        // The monitor has not read the store since (no time passed on the clock): the item is the one kept in memory.
        // This is what makes the answers below the monitor's doing.
        var kept = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/3");
        Assert.Equal(before["status"]!.GetValue<string>(), kept["status"]!.GetValue<string>());

        await api.CheckStoreVersionAsync();
        var item = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/3");
        Assert.Equal("completed", item["status"]!.GetValue<string>());
        Assert.Equal("Tổ chức phát động thi đua (sửa bởi phiên bản khác)", item["content"]!.GetValue<string>());
        var onPage = Find(await _client.GetJsonAsync($"/api/v1/agencies/{lead}/items?limit=100"), planId, 3);
        Assert.Equal("completed", onPage["status"]!.GetValue<string>());
        var found = Find(await _client.GetJsonAsync($"/api/v1/plans/{planId}/items?q=thi%20dua"), planId, 3);
        Assert.Equal(item["content"]!.GetValue<string>(), found["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Issuing_or_revoking_an_API_key_leaves_the_items_in_memory()
    {
        var planId = await SeededPlan.IdAsync(_client);
        await api.CheckStoreVersionAsync();
        var before = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/7");

        // A change no read model is told of (no feed entry): an item served from memory keeps showing the old content.
        await using (var other = new NpgsqlConnection(TestDatabase.ConnectionString(api.Database)))
        {
            await other.OpenAsync();
            await using var write = new NpgsqlCommand(
                "UPDATE plan_items SET content = content || ' (untold)' WHERE plan_id = @plan AND ordinal = 7", other);
            write.Parameters.AddWithValue("plan", Guid.Parse(planId));
            await write.ExecuteNonQueryAsync();
        }
        var issued = await (await _client.SendAsync(HttpMethod.Post, "/api/v1/api-keys",
            new JsonObject { ["clientName"] = "QLVB (thử nghiệm)", ["role"] = "admin" })).JsonAsync(HttpStatusCode.Created);
        using (var revoked = await _client.DeleteAsync($"/api/v1/api-keys/{issued["id"]!.GetValue<string>()}"))
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        var after = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/7");
        Assert.Equal(before["content"]!.GetValue<string>(), after["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_report_posted_here_shows_at_once_on_the_item_and_its_agency_page()
    {
        var planId = await SeededPlan.IdAsync(_client);
        await api.CheckStoreVersionAsync();
        var before = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/16");
        var lead = before["lead"]!["code"]!.GetValue<string>();
        await _client.GetJsonAsync($"/api/v1/agencies/{lead}/items?limit=100");

        var body = ProgressReportRequests.Body("in_progress", 35, agency: lead);
        await _client.PostReportAsync(planId, 16, body);

        var item = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/16");
        Assert.Equal("in_progress", item["status"]!.GetValue<string>());
        Assert.Equal(35, item["percentComplete"]!.GetValue<int>());
        var onPage = Find(await _client.GetJsonAsync($"/api/v1/agencies/{lead}/items?limit=100"), planId, 16);
        Assert.Equal(35, onPage["percentComplete"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_agency_renamed_here_shows_at_once_on_every_item_that_names_it()
    {
        var planId = await SeededPlan.IdAsync(_client);
        await api.CheckStoreVersionAsync();
        var before = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/19");
        var lead = before["lead"]!["code"]!.GetValue<string>();
        await _client.GetJsonAsync($"/api/v1/agencies/{lead}/items?limit=100");

        var agency = (JsonObject)await _client.GetJsonAsync($"/api/v1/agencies/{lead}");
        var renamed = agency["name"]!.GetValue<string>() + " (tên mới)";
        await _client.PutJsonAsync($"/api/v1/agencies/{lead}", new
        {
            name = renamed,
            shortName = agency["shortName"]?.GetValue<string>(),
            kind = agency["kind"]!.GetValue<string>(),
        }, HttpStatusCode.OK);

        var item = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/19");
        Assert.Equal(renamed, item["lead"]!["name"]!.GetValue<string>());
        var page = await _client.GetJsonAsync($"/api/v1/agencies/{lead}/items?limit=100");
        Assert.All(page["items"]!.AsArray().Where(i => i!["lead"]!["code"]!.GetValue<string>() == lead),
            i => Assert.Equal(renamed, i!["lead"]!["name"]!.GetValue<string>()));
    }

    private static JsonNode Find(JsonNode page, string planId, int ordinal) =>
        page["items"]!.AsArray().Single(i => i!["planId"]!.GetValue<string>() == planId && i["ordinal"]!.GetValue<int>() == ordinal)!;
}
