using System.Net;
using System.Text.Json.Nodes;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.ProgressReports.ProgressReportRequests;

namespace PlanApi.Tests.Features.ProgressReports;

/// <summary>Posting reports on the seeded plan: the report is stored, readable, and sets the item's status.</summary>
/// <remarks>Each test reports on its own item, so the tests do not depend on each other's order.</remarks>
public sealed class PostProgressReportTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _client = CreateClient(api);

    private static HttpClient CreateClient(PlanApiFactory api)
    {
        return api.CreateClient();
    }

    [Fact]
    public async Task Post_answers_201_with_a_Location_that_reads_the_report()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var response = await _client.PostAsync(planId, 11, Body("in_progress", 40), NewKey());
        var created = await response.JsonAsync(HttpStatusCode.Created);

        var id = created["id"]!.GetValue<string>();
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal(planId, created["planId"]!.GetValue<string>());
        Assert.Equal(11, created["ordinal"]!.GetValue<int>());
        Assert.Equal(BanTdkt, created["reportingAgency"]!["code"]!.GetValue<string>());
        Assert.Equal("in_progress", created["status"]!.GetValue<string>());
        Assert.Equal(40, created["percentComplete"]!.GetValue<int>());
        Assert.Equal("Đã triển khai hướng dẫn đến các cơ quan, đơn vị, địa phương.", created["summary"]!.GetValue<string>());
        Assert.Equal("25/BC-BTĐKT", created["evidence"]!["documentNumber"]!.GetValue<string>());
        Assert.Equal("2023-03-10", created["evidence"]!["documentDate"]!.GetValue<string>());
        Assert.Equal("https://cantho.gov.vn/van-ban/25-bc-btdkt", created["evidence"]!["url"]!.GetValue<string>());
        Assert.Equal("2023-03-01", created["periodFrom"]!.GetValue<string>());
        Assert.Equal("2023-03-10", created["periodTo"]!.GetValue<string>());
        Assert.Equal(api.Clock.GetUtcNow(), created["reportedAt"]!.GetValue<DateTimeOffset>());

        var location = response.Headers.Location;
        Assert.NotNull(location);
        Assert.Equal($"/api/v1/progress-reports/{id}", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString);
        var read = await _client.GetJsonAsync(location.ToString());
        Assert.Equal(created.ToJsonString(), read.ToJsonString());
    }

    [Fact]
    public async Task The_answer_shows_the_time_as_stored_when_the_clock_is_finer_than_a_microsecond()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var start = api.Clock.GetUtcNow();
        api.Clock.Advance(TimeSpan.FromTicks(1234567));
        try
        {
            var response = await _client.PostAsync(planId, 13, Body("in_progress", 30), NewKey());
            var created = await response.JsonAsync(HttpStatusCode.Created);

            Assert.Equal(start.AddTicks(1234560), created["reportedAt"]!.GetValue<DateTimeOffset>());
            var read = await _client.GetJsonAsync(response.Headers.Location!.ToString());
            Assert.Equal(created.ToJsonString(), read.ToJsonString());
            var item = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/13");
            Assert.Equal(created["reportedAt"]!.GetValue<DateTimeOffset>(), item["lastReportedAt"]!.GetValue<DateTimeOffset>());
            Assert.Equal(created["reportedAt"]!.GetValue<DateTimeOffset>(), item["updatedAt"]!.GetValue<DateTimeOffset>());
        }
        finally
        {
            api.SetNow(start);
        }
    }

    [Fact]
    public async Task Unknown_report_id_is_404()
    {
        var response = await _client.GetAsync($"/api/v1/progress-reports/{Guid.NewGuid()}");
        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Completed_report_completes_the_item()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var before = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/12");
        Assert.Equal("not_started", before["status"]!.GetValue<string>());
        Assert.Null(before["lastReportedAt"]);

        var report = await _client.PostReportAsync(planId, 12, Body("completed", 100));

        var item = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/12");
        Assert.Equal("completed", item["status"]!.GetValue<string>());
        Assert.Equal(100, item["percentComplete"]!.GetValue<int>());
        Assert.Equal("2023-03-15", item["completedOn"]!.GetValue<string>());
        Assert.Equal(report["reportedAt"]!.GetValue<DateTimeOffset>(), item["lastReportedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(report["id"]!.GetValue<string>(), item["latestReportId"]!.GetValue<string>());
        Assert.False(item["overdue"]!.GetValue<bool>());
        Assert.False(item["completedLate"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Completed_report_without_percent_is_100_percent()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var report = await _client.PostReportAsync(planId, 14, Body("completed", percent: null));
        Assert.Equal(100, report["percentComplete"]!.GetValue<int>());
        var item = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/14");
        Assert.Equal(100, item["percentComplete"]!.GetValue<int>());
    }

    [Fact]
    public async Task Later_in_progress_report_makes_a_completed_item_in_progress_again()
    {
        var planId = await SeededPlan.IdAsync(_client);
        await _client.PostReportAsync(planId, 15, Body("completed", 100));
        var reopened = await _client.PostReportAsync(planId, 15,
            Body("in_progress", 80, summary: "Bổ sung hồ sơ theo yêu cầu của Ban TĐKT Trung ương."));

        var item = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/15");
        Assert.Equal("in_progress", item["status"]!.GetValue<string>());
        Assert.Equal(80, item["percentComplete"]!.GetValue<int>());
        Assert.Null(item["completedOn"]);
        Assert.False(item["completedLate"]!.GetValue<bool>());
        Assert.Equal(reopened["id"]!.GetValue<string>(), item["latestReportId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reports_are_listed_newest_first_with_paging()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var ids = new List<string>();
        foreach (var (status, percent) in new[] { ("in_progress", 10), ("in_progress", 30), ("postponed", 30), ("in_progress", 60), ("completed", 100) })
            ids.Add((await _client.PostReportAsync(planId, 16, Body(status, percent)))["id"]!.GetValue<string>());
        ids.Reverse();

        var first = await _client.ListAsync(planId, 16, "?limit=2");
        Assert.Equal(5, first["total"]!.GetValue<int>());
        Assert.Equal(2, first["limit"]!.GetValue<int>());
        Assert.Equal(0, first["offset"]!.GetValue<int>());
        Assert.Equal(ids[..2], first["items"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal([100, 60], first["items"]!.AsArray().Select(r => r!["percentComplete"]!.GetValue<int>()));
        var next = first["next"]!.GetValue<string>();
        Assert.Contains("offset=2", next);
        Assert.Contains("limit=2", next);

        var second = await _client.GetJsonAsync(next);
        Assert.Equal(ids[2..4], second["items"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal(["postponed", "in_progress"], second["items"]!.AsArray().Select(r => r!["status"]!.GetValue<string>()));

        var last = await _client.ListAsync(planId, 16, "?limit=2&offset=4");
        Assert.Equal(ids[4..], last["items"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal(10, last["items"]!.AsArray().Single()!["percentComplete"]!.GetValue<int>());
        Assert.Null(last["next"]);

        var all = await _client.ListAsync(planId, 16);
        Assert.Equal(ids, all["items"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal("completed", (await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/16"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Item_without_reports_has_an_empty_list()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var page = await _client.ListAsync(planId, 32);
        Assert.Equal(0, page["total"]!.GetValue<int>());
        Assert.Empty(page["items"]!.AsArray());
        Assert.Null(page["next"]);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?offset=-1", "offset")]
    public async Task List_refuses_bad_paging(string query, string field)
    {
        var planId = await SeededPlan.IdAsync(_client);
        var problem = await (await _client.GetAsync(Url(planId, 1) + query)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ErrorFields());
    }

    [Fact]
    public async Task Percent_defaults_follow_the_status()
    {
        var planId = await SeededPlan.IdAsync(_client);
        await _client.PostReportAsync(planId, 18, Body("in_progress", 60));
        var postponed = await _client.PostReportAsync(planId, 18, Body("postponed", percent: null));
        Assert.Equal(60, postponed["percentComplete"]!.GetValue<int>());
        var resumed = await _client.PostReportAsync(planId, 18, Body("in_progress", percent: null));
        Assert.Equal(60, resumed["percentComplete"]!.GetValue<int>());
        var restarted = await _client.PostReportAsync(planId, 18, Body("not_started", percent: null));
        Assert.Equal(0, restarted["percentComplete"]!.GetValue<int>());
        var item = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/18");
        Assert.Equal("not_started", item["status"]!.GetValue<string>());
        Assert.Equal(0, item["percentComplete"]!.GetValue<int>());
    }

    [Fact]
    public async Task Report_without_evidence_or_period_is_accepted()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var body = Body("in_progress", 5, summary: "  Đang xây dựng kế hoạch.  ");
        body.Remove("evidence");
        body.Remove("periodFrom");
        body.Remove("periodTo");
        var report = await _client.PostReportAsync(planId, 22, body);
        Assert.Null(report["evidence"]);
        Assert.Null(report["periodFrom"]);
        Assert.Null(report["periodTo"]);
        Assert.Equal("Đang xây dựng kế hoạch.", report["summary"]!.GetValue<string>());
    }
}
