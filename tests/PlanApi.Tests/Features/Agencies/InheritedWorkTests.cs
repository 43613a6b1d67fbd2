using System.Net;
using System.Text.Json.Nodes;
using PlanApi.Domain;
using PlanApi.Tests.Features.Plans;
using PlanApi.Tests.Features.ProgressReports;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Agencies;

/// <summary>
/// Open work follows its successor: Cần Thơ's districts ended on 2025-06-30 and the wards and communes that took their
/// place have their open items, may report on them, and the districts' credentials are refused.
/// </summary>
public sealed class InheritedWorkTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private const string NinhKieu = "ninh-kieu";
    private const string WardNinhKieu = "ubnd-phuong-ninh-kieu-can-tho";
    private const string WardTanAn = "ubnd-phuong-tan-an-can-tho";
    /// <summary>Phường An Bình took over parts of quận Ninh Kiều, quận Bình Thủy and huyện Phong Điền.</summary>
    private const string WardAnBinh = "ubnd-phuong-an-binh-can-tho";
    private const string CommuneCoDo = "ubnd-xa-co-do-can-tho";

    private static readonly DateOnly AfterReform = new(2026, 1, 15);
    private static int _ordinal = 100;

    private readonly HttpClient _client = api.CreateClient();

    /// <summary>Adds an item to the seeded 2023 plan, co-operated on by <paramref name="coordinators"/>, while it is 2023.</summary>
    private async Task<(string PlanId, int Ordinal)> ItemAsync(params string[] coordinators)
    {
        api.SetToday(new DateOnly(2023, 3, 15));
        var planId = await SeededPlan.IdAsync(_client);
        var ordinal = Interlocked.Increment(ref _ordinal);
        await _client.CreateItemAsync(planId, PlanRequests.ItemBody(ordinal, quarter: 4, coordinators: coordinators,
            due: PlanRequests.Due(2023, 12), dueText: "tháng 12/2023", content: $"Tổng kết phong trào thi đua của địa phương ({ordinal})"));
        return (planId, ordinal);
    }

    private async Task<List<JsonNode>> ToDoAsync(string agency, string query = "")
    {
        var items = new List<JsonNode>();
        for (var url = $"/api/v1/agencies/{agency}/items?limit=100{query}"; ;)
        {
            var page = await _client.GetJsonAsync(url);
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            if (page["next"] is not { } next) return items;
            url = next.GetValue<string>();
        }
    }

    private static JsonNode? Find(List<JsonNode> items, string planId, int ordinal) =>
        items.SingleOrDefault(i => i["planId"]!.GetValue<string>() == planId && i["ordinal"]!.GetValue<int>() == ordinal);

    [Fact]
    public async Task An_open_item_of_an_ended_district_is_on_its_successor_wards_lists_marked_as_inherited()
    {
        var (planId, ordinal) = await ItemAsync(NinhKieu);
        api.SetToday(AfterReform);

        foreach (var ward in new[] { WardNinhKieu, WardTanAn, WardAnBinh })
        {
            var item = Find(await ToDoAsync(ward), planId, ordinal);
            Assert.NotNull(item);
            Assert.Equal(NinhKieu, item!["inheritedFrom"]!["code"]!.GetValue<string>());
        }
        Assert.Null(Find(await ToDoAsync(CommuneCoDo), planId, ordinal));

        // The item keeps the agency its plan named, on its own list and in the plan.
        var own = Find(await ToDoAsync(NinhKieu), planId, ordinal);
        Assert.NotNull(own);
        Assert.Null(own!["inheritedFrom"]);
        var planItem = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/{ordinal}");
        Assert.Equal([NinhKieu], planItem["coordinators"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()));
        Assert.Null(planItem["inheritedFrom"]);
    }

    [Fact]
    public async Task A_completed_or_cancelled_item_is_not_inherited()
    {
        var (planId, done) = await ItemAsync(NinhKieu);
        var (_, dropped) = await ItemAsync(NinhKieu);
        await _client.PostReportAsync(planId, done, NinhKieu, "completed", 100);
        await _client.PostReportAsync(planId, dropped, NinhKieu, "cancelled", 0);
        api.SetToday(AfterReform);

        var ward = await ToDoAsync(WardNinhKieu);
        Assert.Null(Find(ward, planId, done));
        Assert.Null(Find(ward, planId, dropped));
        Assert.NotNull(Find(await ToDoAsync(NinhKieu), planId, done));
    }

    [Fact]
    public async Task An_item_of_several_predecessors_is_listed_once_and_the_total_counts_it_once()
    {
        var (planId, ordinal) = await ItemAsync(NinhKieu, "binh-thuy", "phong-dien");
        api.SetToday(AfterReform);

        var page = await _client.GetJsonAsync($"/api/v1/agencies/{WardAnBinh}/items?limit=100&planId={planId}");
        var rows = page["items"]!.AsArray().Where(i => i!["ordinal"]!.GetValue<int>() == ordinal).ToList();
        Assert.Single(rows);
        Assert.Contains(rows[0]!["inheritedFrom"]!["code"]!.GetValue<string>(), new[] { NinhKieu, "binh-thuy", "phong-dien" });
        Assert.Equal(page["items"]!.AsArray().Count, page["total"]!.GetValue<int>());
        var ordinals = page["items"]!.AsArray().Select(i => i!["ordinal"]!.GetValue<int>()).ToList();
        Assert.Equal(ordinals.Distinct().Count(), ordinals.Count);
    }

    [Fact]
    public async Task The_successor_reports_on_the_inherited_item_and_the_report_records_both()
    {
        var (planId, ordinal) = await ItemAsync(NinhKieu);
        api.SetToday(AfterReform);
        var ward = await api.CreateClientAsync(ClientRole.Reporter, WardNinhKieu);

        var report = await ward.PostReportAsync(planId, ordinal, ProgressReportRequests.Body(status: "in_progress", percent: 40, agency: WardNinhKieu));

        Assert.Equal(WardNinhKieu, report["reportingAgency"]!["code"]!.GetValue<string>());
        Assert.Equal(NinhKieu, report["onBehalfOf"]!["code"]!.GetValue<string>());
        var stored = await _client.GetJsonAsync($"/api/v1/progress-reports/{report["id"]!.GetValue<string>()}");
        Assert.Equal(NinhKieu, stored["onBehalfOf"]!["code"]!.GetValue<string>());
        var item = await _client.GetJsonAsync($"/api/v1/plans/{planId}/items/{ordinal}");
        Assert.Equal("in_progress", item["status"]!.GetValue<string>());
        Assert.Equal(40, item["percentComplete"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_ward_that_did_not_succeed_the_district_cannot_report_on_its_item()
    {
        var (planId, ordinal) = await ItemAsync(NinhKieu);
        api.SetToday(AfterReform);
        var coDo = await api.CreateClientAsync(ClientRole.Reporter, CommuneCoDo);

        var problem = await (await coDo.PostAsync(planId, ordinal, ProgressReportRequests.Body(agency: CommuneCoDo), ProgressReportRequests.NewKey()))
            .ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains(CommuneCoDo, problem["detail"]!.GetValue<string>());
        Assert.Equal(0, await api.StoredCountAsync(planId, ordinal));
    }

    [Fact]
    public async Task A_reporter_key_bound_to_the_ended_district_is_refused_with_a_problem_naming_its_successors()
    {
        var (planId, ordinal) = await ItemAsync(NinhKieu);
        var district = await api.CreateClientAsync(ClientRole.Reporter, NinhKieu);
        api.SetToday(AfterReform);

        var problem = await (await district.PostAsync(planId, ordinal, ProgressReportRequests.Body(agency: NinhKieu), ProgressReportRequests.NewKey()))
            .ProblemAsync(HttpStatusCode.Unauthorized);
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Contains("2025-06-30", detail);
        Assert.Contains(WardNinhKieu, detail);
        Assert.Contains(WardAnBinh, detail);
        Assert.Equal(0, await api.StoredCountAsync(planId, ordinal));
        // Reads too: a broken integration learns it at once.
        await (await district.GetAsync("/api/v1/agencies/ninh-kieu")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_same_key_worked_before_the_district_ended()
    {
        var (planId, ordinal) = await ItemAsync(NinhKieu);
        var district = await api.CreateClientAsync(ClientRole.Reporter, NinhKieu);
        api.SetToday(new DateOnly(2025, 6, 30));

        var report = await district.PostReportAsync(planId, ordinal, ProgressReportRequests.Body(agency: NinhKieu));
        Assert.Null(report["onBehalfOf"]);
    }

    [Fact]
    public async Task An_admin_reporting_as_the_ended_district_is_told_to_report_as_a_successor()
    {
        var (planId, ordinal) = await ItemAsync(NinhKieu);
        api.SetToday(AfterReform);

        var problem = await (await _client.PostAsync(planId, ordinal, ProgressReportRequests.Body(agency: NinhKieu), ProgressReportRequests.NewKey()))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(WardNinhKieu, problem["detail"]!.GetValue<string>());
        Assert.Equal(["reportingAgencyCode"], problem.ErrorFields());
    }

    [Fact]
    public async Task The_successors_status_and_calendar_include_the_inherited_item()
    {
        var (planId, ordinal) = await ItemAsync(NinhKieu);
        api.SetToday(AfterReform);

        var status = await _client.GetJsonAsync($"/api/v1/agencies/{WardTanAn}/status");
        Assert.Contains(status["overdueItems"]!.AsArray(), i => i!["planId"]!.GetValue<string>() == planId && i["ordinal"]!.GetValue<int>() == ordinal);
        Assert.True(status["coordinated"]!["total"]!.GetValue<int>() >= 1);

        var calendar = await _client.GetStringAsync($"/api/v1/agencies/{WardTanAn}/calendar.ics");
        Assert.Contains($"({ordinal})", calendar);
    }

    [Fact]
    public async Task A_new_key_for_the_ended_district_is_refused_naming_its_successors()
    {
        api.SetToday(AfterReform);
        var problem = await (await _client.PostRawAsync("/api/v1/api-keys",
                """{"clientName": "QLVB quận Ninh Kiều", "role": "reporter", "agencyCode": "ninh-kieu"}""", ("Idempotency-Key", Guid.NewGuid().ToString())))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["agencyCode"], problem.ErrorFields());
        Assert.Contains(WardNinhKieu, problem["detail"]!.GetValue<string>());

        var ward = await _client.PostRawAsync("/api/v1/api-keys",
            $$"""{"clientName": "QLVB phường Ninh Kiều", "role": "reporter", "agencyCode": "{{WardNinhKieu}}"}""", ("Idempotency-Key", Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Created, ward.StatusCode);
    }
}
