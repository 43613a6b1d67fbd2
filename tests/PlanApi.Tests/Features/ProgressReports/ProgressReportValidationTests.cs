using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.ProgressReports.ProgressReportRequests;

namespace PlanApi.Tests.Features.ProgressReports;

/// <summary>Bad reports answer 400 problem details naming the field, and write nothing.</summary>
/// <remarks>Every test posts to item 10, which no test of this class reports on successfully.</remarks>
public sealed class ProgressReportValidationTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private const int Ordinal = 10;
    private readonly HttpClient _client = CreateClient(api);

    private static HttpClient CreateClient(PlanApiFactory api)
    {
        return api.CreateClient();
    }

    private async Task<JsonNode> AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ErrorFields());
        Assert.NotEmpty(problem["errors"]![field]!.AsArray());
        await AssertNothingWrittenAsync();
        return problem;
    }

    private async Task AssertNothingWrittenAsync()
    {
        var planId = await SeededPlan.IdAsync(_client);
        Assert.Equal(0, await _client.TotalAsync(planId, Ordinal));
        await using var db = api.NewDbContext();
        Assert.Equal(0, await db.ProgressReports.CountAsync());
        var item = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/{Ordinal}");
        Assert.Equal("not_started", item["status"]!.GetValue<string>());
        Assert.Null(item["lastReportedAt"]);
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject body) =>
        await _client.PostAsync(await SeededPlan.IdAsync(_client), Ordinal, body, NewKey());

    [Theory]
    [InlineData(101)]
    [InlineData(-1)]
    [InlineData(1000)]
    public async Task Percent_outside_0_to_100_is_refused(int percent)
    {
        var body = Body("in_progress");
        body["percentComplete"] = percent;
        await AssertRefusedAsync(await PostAsync(body), "percentComplete");
    }

    [Fact]
    public async Task Unknown_status_is_refused()
    {
        var body = Body();
        body["status"] = "done";
        await AssertRefusedAsync(await PostAsync(body), "status");
    }

    [Theory]
    [InlineData("2")]
    [InlineData("")]
    [InlineData("in progress")]
    public async Task Status_that_is_no_status_name_is_refused(string status)
    {
        var body = Body();
        body["status"] = status;
        await AssertRefusedAsync(await PostAsync(body), "status");
    }

    [Fact]
    public async Task Integer_status_is_refused()
    {
        var body = Body();
        body["status"] = 2;
        await AssertRefusedAsync(await PostAsync(body), "status");
    }

    [Theory]
    [InlineData("completed", 50)]
    [InlineData("completed", 0)]
    [InlineData("not_started", 10)]
    [InlineData("in_progress", 100)]
    public async Task Percent_that_contradicts_the_status_is_refused(string status, int percent)
    {
        var problem = await AssertRefusedAsync(await PostAsync(Body(status, percent)), "percentComplete");
        Assert.Single(problem.ErrorFields());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_summary_is_refused(string summary) =>
        await AssertRefusedAsync(await PostAsync(Body(summary: summary)), "summary");

    [Fact]
    public async Task Missing_summary_is_refused()
    {
        var body = Body();
        body.Remove("summary");
        await AssertRefusedAsync(await PostAsync(body), "summary");
    }

    [Fact]
    public async Task Summary_of_9000_characters_is_refused() =>
        await AssertRefusedAsync(await PostAsync(Body(summary: new string('á', 9000))), "summary");

    [Fact]
    public async Task Summary_with_a_control_character_is_refused() =>
        await AssertRefusedAsync(await PostAsync(Body(summary: "Đã hoàn thành\u0000")), "summary");

    [Theory]
    [InlineData("ftp://x")]
    [InlineData("not a url")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/van-ban/25")]
    public async Task Evidence_url_must_be_absolute_http(string url)
    {
        var body = Body();
        body["evidence"]!["url"] = url;
        await AssertRefusedAsync(await PostAsync(body), "evidence.url");
    }

    [Fact]
    public async Task Period_ending_before_it_starts_is_refused()
    {
        var body = Body();
        body["periodFrom"] = "2023-03-10";
        body["periodTo"] = "2023-03-09";
        await AssertRefusedAsync(await PostAsync(body), "periodTo");
    }

    [Fact]
    public async Task Missing_reporting_agency_is_refused()
    {
        var body = Body();
        body.Remove("reportingAgencyCode");
        await AssertRefusedAsync(await PostAsync(body), "reportingAgencyCode");
    }

    [Fact]
    public async Task Malformed_JSON_is_refused_naming_the_field()
    {
        var planId = await SeededPlan.IdAsync(_client);
        const string json = """{"reportingAgencyCode":"ban-tdkt-can-tho","status":"in_progress","percentComplete":5x,"summary":"x"}""";
        await AssertRefusedAsync(await _client.PostRawAsync(planId, Ordinal, json, NewKey()), "percentComplete");
    }

    [Fact]
    public async Task Truncated_JSON_is_refused()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var response = await _client.PostRawAsync(planId, Ordinal, """{"reportingAgencyCode":"ban-tdkt-can-tho","status":""", NewKey());
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorFields());
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Invalid_date_is_refused()
    {
        var body = Body();
        body["periodFrom"] = "2023-02-30";
        await AssertRefusedAsync(await PostAsync(body), "periodFrom");
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once()
    {
        var body = Body("in_progress", 101, summary: "");
        body["evidence"]!["url"] = "ftp://x";
        body["periodFrom"] = "2023-03-10";
        body["periodTo"] = "2023-03-01";
        var problem = await (await PostAsync(body)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["evidence.url", "percentComplete", "periodTo", "summary"], problem.ErrorFields().Order());
        await AssertNothingWrittenAsync();
    }
}
