using System.Net;
using System.Text.Json.Nodes;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.ProgressReports.ProgressReportRequests;

namespace PlanApi.Tests.Features.ProgressReports;

/// <summary>Who may report on what: only agencies that lead or co-operate, only on published plans.</summary>
public sealed class ReportingAgencyTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _client = CreateClient(api);

    private static HttpClient CreateClient(PlanApiFactory api)
    {
        return api.CreateClient();
    }

    [Fact]
    public async Task District_not_involved_in_item_6_is_refused_and_nothing_is_written()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var response = await _client.PostAsync(planId, 6, Body("completed", 100, agency: "ninh-kieu"), NewKey());
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["reportingAgencyCode"], problem.ErrorFields());
        Assert.Contains("ninh-kieu", problem["detail"]!.GetValue<string>());

        var list = await _client.ListAsync(planId, 6);
        Assert.Equal(0, list["total"]!.GetValue<int>());
        Assert.Empty(list["items"]!.AsArray());
        var item = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/6");
        Assert.Equal("not_started", item["status"]!.GetValue<string>());
        Assert.Null(item["lastReportedAt"]);
    }

    [Fact]
    public async Task Lead_of_item_19_is_accepted()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var report = await _client.PostReportAsync(planId, 19, Body("in_progress", 20, agency: "so-gddt-can-tho"));
        Assert.Equal("so-gddt-can-tho", report["reportingAgency"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Co_operating_agency_of_item_23_is_accepted_and_sets_the_status()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var report = await _client.PostReportAsync(planId, 23, Body("postponed", 10));
        Assert.Equal(BanTdkt, report["reportingAgency"]!["code"]!.GetValue<string>());
        Assert.Equal("Ban Thi đua - Khen thưởng thành phố Cần Thơ", report["reportingAgency"]!["name"]!.GetValue<string>());
        var item = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/23");
        Assert.Equal("vp-dieu-phoi-ntm-can-tho", item["lead"]!["code"]!.GetValue<string>());
        Assert.Equal("postponed", item["status"]!.GetValue<string>());
        Assert.Equal(10, item["percentComplete"]!.GetValue<int>());
        Assert.Equal(1, await _client.TotalAsync(planId, 23));
    }

    [Fact]
    public async Task Co_operating_Ban_TDKT_on_item_19_is_accepted()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var response = await _client.PostAsync(planId, 19, Body("in_progress", 30), NewKey());
        var report = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(BanTdkt, report["reportingAgency"]!["code"]!.GetValue<string>());
        Assert.Equal(19, report["ordinal"]!.GetValue<int>());
        var list = await _client.ListAsync(planId, 19);
        Assert.Contains(report["id"]!.GetValue<string>(), list["items"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Agency_not_involved_in_item_19_is_refused()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var response = await _client.PostAsync(planId, 20, Body("in_progress", 30, agency: "so-gddt-can-tho"), NewKey());
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["reportingAgencyCode"], problem.ErrorFields());
        Assert.Equal(0, await _client.TotalAsync(planId, 20));
    }

    [Fact]
    public async Task Unknown_agency_is_422_naming_reportingAgencyCode()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var response = await _client.PostAsync(planId, 21, Body(agency: "so-khong-ton-tai"), NewKey());
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["reportingAgencyCode"], problem.ErrorFields());
        Assert.Contains("so-khong-ton-tai", problem["detail"]!.GetValue<string>());
        Assert.Equal(0, await _client.TotalAsync(planId, 21));
    }

    [Fact]
    public async Task Unknown_plan_is_404()
    {
        var response = await _client.PostAsync(Guid.NewGuid().ToString(), 6, Body(), NewKey());
        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.StartsWith("Plan ", problem["detail"]!.GetValue<string>());
        await (await _client.GetAsync(Url(Guid.NewGuid().ToString(), 6))).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_ordinal_is_404()
    {
        var planId = await SeededPlan.IdAsync(_client);
        var response = await _client.PostAsync(planId, 33, Body(), NewKey());
        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.StartsWith("Item ", problem["detail"]!.GetValue<string>());
        await (await _client.GetAsync(Url(planId, 33))).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reports_on_a_draft_plan_are_refused()
    {
        var plan = await _client.PostJsonAsync("/api/v1/plans", new
        {
            issuerCode = "ubnd-can-tho",
            number = "999/KH-UBND",
            issuedOn = "2023-01-05",
            year = 2023,
            title = "Kế hoạch thử nghiệm (bản nháp)",
        }, HttpStatusCode.Created);
        Assert.Equal("draft", plan["lifecycle"]!.GetValue<string>());
        var planId = plan["id"]!.GetValue<string>();
        await _client.PostJsonAsync($"/api/v1/plans/{planId}/items", new
        {
            ordinal = 1,
            quarter = 1,
            content = "Tổ chức Hội nghị triển khai công tác thi đua, khen thưởng năm 2023",
            leadAgencyCode = "ban-tdkt-can-tho",
            coordinatingAgencyCodes = new[] { "ninh-kieu" },
            andRelatedAgencies = true,
        }, HttpStatusCode.Created);

        var response = await _client.PostAsync(planId, 1, Body("in_progress", 10), NewKey());
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("draft", problem["detail"]!.GetValue<string>());

        Assert.Equal(0, await _client.TotalAsync(planId, 1));
        var item = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/1");
        Assert.Equal("not_started", item["status"]!.GetValue<string>());
    }
}
