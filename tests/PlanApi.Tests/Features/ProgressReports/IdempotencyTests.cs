using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.ProgressReports.ProgressReportRequests;

namespace PlanApi.Tests.Features.ProgressReports;

/// <summary>Exactly once: a retry with the same Idempotency-Key never creates a second report.</summary>
/// <remarks>Each test reports on its own item, so totals per item are exact whatever the order.</remarks>
public sealed class IdempotencyTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _client = CreateClient(api);

    private static HttpClient CreateClient(PlanApiFactory api)
    {
        return api.CreateClient();
    }

    [Fact]
    public async Task Missing_key_is_400_naming_Idempotency_Key_and_nothing_is_written()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var response = await _client.PostAsync(planId, 1, Body(), key: null);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Idempotency-Key"], problem.ErrorFields());
        Assert.Equal(0, await _client.TotalAsync(planId, 1));
        Assert.Equal(0, await api.StoredCountAsync(planId, 1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("clé-é")]
    public async Task Empty_or_non_ASCII_key_is_400_naming_Idempotency_Key(string key)
    {
        var planId = await SeededPlan.IdAsync(_client);
        var response = await _client.PostAsync(planId, 2, Body(), key);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Idempotency-Key", problem.ErrorFields());
        Assert.Equal(0, await api.StoredCountAsync(planId, 2));
    }

    [Fact]
    public async Task Key_longer_than_200_characters_is_400()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var response = await _client.PostAsync(planId, 2, Body(), new string('k', 201));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Idempotency-Key", problem.ErrorFields());
        Assert.Equal(0, await api.StoredCountAsync(planId, 2));
    }

    [Fact]
    public async Task Same_key_and_body_twice_replays_the_first_answer()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var key = NewKey();
        var body = Body("in_progress", 30);

        var first = await _client.PostAsync(planId, 3, body, key);
        var firstJson = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));

        var second = await _client.PostAsync(planId, 3, body, key);
        var secondJson = await second.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(firstJson, secondJson);
        Assert.Equal(["true"], second.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);

        var list = await _client.ListAsync(planId, 3);
        Assert.Equal(1, list["total"]!.GetValue<int>());
        var id = JsonNode.Parse(firstJson)!["id"]!.GetValue<string>();
        Assert.Equal(id, list["items"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(1, await api.StoredCountAsync(planId, 3));

        // The answer is stored once: the key's record points at the audit entry whose "after" it is.
        await using var db = api.NewDbContext();
        var stored = await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM idempotency_records r JOIN audit_entries a ON a.id = r.audit_entry_id
            WHERE r.key = {key} AND octet_length(r.body) = 0 AND a.resource_type = 'progress_report' AND a.resource_key = {id}
              AND a.after = {firstJson}::jsonb
            """).SingleAsync();
        Assert.Equal(1, stored);
        // The audit entry cannot go while a record answers from it.
        Assert.Equal(1, await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM pg_constraint
            WHERE conrelid = 'idempotency_records'::regclass AND confrelid = 'audit_entries'::regclass AND contype = 'f' AND confdeltype = 'r'
            """).SingleAsync());
    }

    [Fact]
    public async Task Replay_ignores_JSON_spacing_and_property_order()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var key = NewKey();
        const string compact = """{"reportingAgencyCode":"ban-tdkt-can-tho","status":"in_progress","percentComplete":25,"summary":"Đang tổng hợp hồ sơ."}""";
        const string reordered = """
            {
              "summary": "Đang tổng hợp hồ sơ.",
              "percentComplete": 25,
              "status": "in_progress",
              "reportingAgencyCode": "ban-tdkt-can-tho"
            }
            """;
        var first = await (await _client.PostRawAsync(planId, 4, compact, key)).JsonAsync(HttpStatusCode.Created);
        var retry = await _client.PostRawAsync(planId, 4, reordered, key);
        var second = await retry.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>());
        Assert.Equal(["true"], retry.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(1, await api.StoredCountAsync(planId, 4));
    }

    [Fact]
    public async Task Same_key_with_a_different_body_is_422_and_the_first_report_stands()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var key = NewKey();
        var first = await (await _client.PostAsync(planId, 5, Body("in_progress", 30), key)).JsonAsync(HttpStatusCode.Created);

        var response = await _client.PostAsync(planId, 5, Body("completed", 100), key);
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["Idempotency-Key"], problem.ErrorFields());

        var list = await _client.ListAsync(planId, 5);
        Assert.Equal(1, list["total"]!.GetValue<int>());
        Assert.Equal(first["id"]!.GetValue<string>(), list["items"]![0]!["id"]!.GetValue<string>());
        var item = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/5");
        Assert.Equal("in_progress", item["status"]!.GetValue<string>());
        Assert.Equal(30, item["percentComplete"]!.GetValue<int>());
        Assert.Equal(1, await api.StoredCountAsync(planId, 5));
    }

    [Fact]
    public async Task Same_key_and_body_on_another_item_is_422()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var key = NewKey();
        await (await _client.PostAsync(planId, 7, Body("in_progress", 30), key)).JsonAsync(HttpStatusCode.Created);
        var response = await _client.PostAsync(planId, 8, Body("in_progress", 30), key);
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["Idempotency-Key"], problem.ErrorFields());
        Assert.Equal(0, await api.StoredCountAsync(planId, 8));
    }

    [Fact]
    public async Task Keys_are_scoped_to_the_client_two_credentials_may_use_the_same_key()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var key = NewKey();
        var lead = await api.CreateClientAsync(PlanApi.Domain.ClientRole.Reporter, "ban-tuyen-giao-thanh-uy-can-tho");
        var coordinator = await api.CreateClientAsync(PlanApi.Domain.ClientRole.Reporter, "ban-tdkt-can-tho");
        var byLead = await (await lead.PostAsync(planId, 13, Body("in_progress", 30, agency: "ban-tuyen-giao-thanh-uy-can-tho"), key))
            .JsonAsync(HttpStatusCode.Created);
        var byCoordinator = await coordinator.PostAsync(planId, 13, Body("in_progress", 30), key);
        var second = await byCoordinator.JsonAsync(HttpStatusCode.Created);
        Assert.False(byCoordinator.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(byLead["id"]!.GetValue<string>(), second["id"]!.GetValue<string>());
        Assert.Equal(2, await api.StoredCountAsync(planId, 13));
    }

    [Fact]
    public async Task Twenty_parallel_posts_with_one_key_store_exactly_one_report()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var key = NewKey();
        var json = Body("completed", 100, summary: "Đã hoàn thành, gửi báo cáo qua mạng không ổn định.").ToJsonString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Url(planId, 9))
            {
                Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await _client.SendAsync(request);
            return (Status: response.StatusCode, Body: await response.Content.ReadAsStringAsync(),
                Replayed: response.Headers.Contains("Idempotent-Replayed"));
        }));

        Assert.All(responses, r => Assert.True(r.Status == HttpStatusCode.Created, $"{(int)r.Status}: {r.Body}"));
        var ids = responses.Select(r => JsonNode.Parse(r.Body)!["id"]!.GetValue<string>()).Distinct().ToList();
        Assert.Single(ids);
        Assert.Equal(19, responses.Count(r => r.Replayed));
        Assert.Single(responses.Select(r => r.Body).Distinct());

        var list = await _client.ListAsync(planId, 9);
        Assert.Equal(1, list["total"]!.GetValue<int>());
        Assert.Equal(ids[0], list["items"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(1, await api.StoredCountAsync(planId, 9));
        await using var db = api.NewDbContext();
        Assert.Equal(1, await db.IdempotencyRecords.CountAsync(r => r.Key == key));
        var item = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/9");
        Assert.Equal("completed", item["status"]!.GetValue<string>());
        Assert.Equal(ids[0], item["latestReportId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Retry_in_decomposed_Unicode_is_the_same_report()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var key = NewKey();
        const string summary = "Đã tổ chức họp Hội đồng Thi đua - Khen thưởng phiên thứ nhất.";
        var first = await (await _client.PostAsync(planId, 17, Body("in_progress", 40, summary: summary), key))
            .JsonAsync(HttpStatusCode.Created);
        var retry = await _client.PostAsync(planId, 17,
            Body("in_progress", 40, summary: summary.Normalize(System.Text.NormalizationForm.FormD)), key);
        var second = await retry.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>());
        Assert.Equal(summary, second["summary"]!.GetValue<string>());
        Assert.Equal(["true"], retry.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(1, await api.StoredCountAsync(planId, 17));
    }

    [Fact]
    public async Task Late_retry_replays_the_old_report_without_changing_the_item()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var oldKey = NewKey();
        var old = await (await _client.PostAsync(planId, 18, Body("in_progress", 40), oldKey)).JsonAsync(HttpStatusCode.Created);
        var newer = await (await _client.PostAsync(planId, 18, Body("completed", 100), NewKey())).JsonAsync(HttpStatusCode.Created);

        var retry = await _client.PostAsync(planId, 18, Body("in_progress", 40), oldKey);
        var replayed = await retry.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(old["id"]!.GetValue<string>(), replayed["id"]!.GetValue<string>());
        Assert.Equal(["true"], retry.Headers.GetValues("Idempotent-Replayed"));

        var item = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/18");
        Assert.Equal("completed", item["status"]!.GetValue<string>());
        Assert.Equal(newer["id"]!.GetValue<string>(), item["latestReportId"]!.GetValue<string>());
        Assert.Equal(2, await api.StoredCountAsync(planId, 18));
    }

    [Fact]
    public async Task Parallel_posts_with_one_key_on_two_items_store_one_report()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var key = NewKey();
        var json = Body("in_progress", 35).ToJsonString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            var ordinal = i % 2 == 0 ? 20 : 21;
            using var request = new HttpRequestMessage(HttpMethod.Post, Url(planId, ordinal))
            {
                Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await _client.SendAsync(request);
            return (Ordinal: ordinal, Status: response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.UnprocessableEntity,
            $"{(int)r.Status}: {r.Body}"));
        var created = responses.Where(r => r.Status == HttpStatusCode.Created).ToList();
        var winner = Assert.Single(created.Select(r => r.Ordinal).Distinct());
        Assert.Equal(5, created.Count);
        Assert.Single(created.Select(r => JsonNode.Parse(r.Body)!["id"]!.GetValue<string>()).Distinct());
        Assert.All(responses.Where(r => r.Ordinal != winner), r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.Status));

        await using var db = api.NewDbContext();
        Assert.Equal(1, await db.IdempotencyRecords.CountAsync(r => r.Key == key));
        Assert.Equal(1, await api.StoredCountAsync(planId, winner));
        Assert.Equal(0, await api.StoredCountAsync(planId, winner == 20 ? 21 : 20));
    }
}
