using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using PlanApi.Domain;
using PlanApi.Tests.Features.Plans;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Plans.PlanRequests;

namespace PlanApi.Tests.Features.Items;

/// <summary>/api/v1/plans/{planId}/items over HTTP: list filters, get, create, update and delete.</summary>
public sealed class PlanItemsTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    private async Task<string> NewPlanAsync(string lifecycle = "published", int year = 2023) =>
        await _client.CreatePlanIdAsync(PlanBody(UniqueNumber(), year: year, issuedOn: $"{year - 1}-12-20", lifecycle: lifecycle));

    private async Task<int> ItemCountAsync(string planId)
    {
        await using var db = api.NewDbContext();
        return await db.PlanItems.CountAsync(i => i.PlanId == Guid.Parse(planId));
    }

    private static string Items(string planId) => $"{PlansUrl}/{planId}/items";

    // ---------- list: the seeded plan 244/KH-UBND ----------

    [Theory]
    [InlineData(1, 1, 10)]
    [InlineData(2, 11, 7)]
    [InlineData(4, 25, 8)]
    public async Task List_filters_by_quarter(int quarter, int first, int count)
    {
        var id = await SeededPlan.IdAsync(_client);
        var page = await _client.GetJsonAsync($"{Items(id)}?quarter={quarter}");
        Assert.Equal(Enumerable.Range(first, count), page.Ordinals());
        Assert.Equal(count, page.Int("total"));
        Assert.All(page["items"]!.AsArray(), i => Assert.Equal(quarter, i!.Int("quarter")));
    }

    [Fact]
    public async Task List_filters_by_lead_agency()
    {
        var id = await SeededPlan.IdAsync(_client);
        Assert.Equal([19], (await _client.GetJsonAsync($"{Items(id)}?lead=so-gddt-can-tho")).Ordinals());
        var ban = await _client.GetJsonAsync($"{Items(id)}?lead=ban-tdkt-can-tho&limit=100");
        Assert.Equal(29, ban.Int("total"));
        Assert.Equal(Enumerable.Range(1, 32).Except([13, 19, 23]), ban.Ordinals());
        // Ban TĐKT only co-operates on 13, 19 and 23: it does not lead them.
        Assert.Equal(0, (await _client.GetJsonAsync($"{Items(id)}?lead=ban-tdkt-can-tho&quarter=3&q=sinh%20gioi")).Int("total"));
        Assert.Equal(0, (await _client.GetJsonAsync($"{Items(id)}?lead=khong-co")).Int("total"));
    }

    [Fact]
    public async Task List_agency_filter_matches_the_lead_or_a_coordinator()
    {
        var id = await SeededPlan.IdAsync(_client);
        var ban = await _client.GetJsonAsync($"{Items(id)}?agency=ban-tdkt-can-tho&limit=100");
        Assert.Equal(32, ban.Int("total"));
        Assert.Equal([23], (await _client.GetJsonAsync($"{Items(id)}?agency=vp-dieu-phoi-ntm-can-tho")).Ordinals());
        Assert.Equal([13], (await _client.GetJsonAsync($"{Items(id)}?agency=ban-tuyen-giao-thanh-uy-can-tho")).Ordinals());
        Assert.Equal([19], (await _client.GetJsonAsync($"{Items(id)}?agency=ban-tdkt-can-tho&q=sinh%20gioi")).Ordinals());
        Assert.Equal(0, (await _client.GetJsonAsync($"{Items(id)}?agency=ninh-kieu")).Int("total"));
    }

    [Fact]
    public async Task List_agency_filter_finds_an_item_where_the_agency_only_coordinates()
    {
        var planId = await NewPlanAsync();
        await _client.CreateItemAsync(planId, ItemBody(1, lead: "so-gddt-can-tho", coordinators: ["ninh-kieu", "cai-rang"]));
        await _client.CreateItemAsync(planId, ItemBody(2, lead: "ninh-kieu"));
        await _client.CreateItemAsync(planId, ItemBody(3, lead: "so-noi-vu-can-tho"));

        Assert.Equal([1, 2], (await _client.GetJsonAsync($"{Items(planId)}?agency=ninh-kieu")).Ordinals());
        Assert.Equal([1], (await _client.GetJsonAsync($"{Items(planId)}?agency=cai-rang")).Ordinals());
        Assert.Equal([2], (await _client.GetJsonAsync($"{Items(planId)}?lead=ninh-kieu")).Ordinals());
        Assert.Equal([1], (await _client.GetJsonAsync($"{Items(planId)}?agency=ninh-kieu&lead=so-gddt-can-tho")).Ordinals());
    }

    [Theory]
    [InlineData("sang kien", new[] { 9, 11, 20, 21 })]
    [InlineData("SÁNG KIẾN", new[] { 9, 11, 20, 21 })]
    [InlineData("hoi nghi", new[] { 7, 10, 13, 18, 24, 29 })]
    [InlineData("Hội nghị", new[] { 7, 10, 13, 18, 24, 29 })]
    [InlineData("nguoi tot viec tot", new[] { 27 })]
    [InlineData("khong co noi dung nay", new int[0])]
    public async Task List_q_searches_content_ignoring_case_and_diacritics(string q, int[] ordinals)
    {
        var id = await SeededPlan.IdAsync(_client);
        var page = await _client.GetJsonAsync($"{Items(id)}?q={Uri.EscapeDataString(q)}&limit=100");
        Assert.Equal(ordinals, page.Ordinals());
        Assert.Equal(ordinals.Length, page.Int("total"));
    }

    [Fact]
    public async Task List_filters_combine_with_AND()
    {
        var id = await SeededPlan.IdAsync(_client);
        Assert.Equal([7, 10], (await _client.GetJsonAsync($"{Items(id)}?quarter=1&q=hoi%20nghi")).Ordinals());
        Assert.Equal([6], (await _client.GetJsonAsync($"{Items(id)}?quarter=1&overdue=true&q=tdkt")).Ordinals());
    }

    [Fact]
    public async Task List_overdue_true_and_false_follow_the_fake_clock_on_15_March_2023()
    {
        var id = await SeededPlan.IdAsync(_client);
        var overdue = await _client.GetJsonAsync($"{Items(id)}?overdue=true");
        Assert.Equal([6, 7, 9], overdue.Ordinals());
        Assert.All(overdue["items"]!.AsArray(), i => Assert.True(i!["overdue"]!.GetValue<bool>()));
        Assert.Equal([33, 15, 15], overdue["items"]!.AsArray().Select(i => i!.Int("daysOverdue")));

        var notOverdue = await _client.GetJsonAsync($"{Items(id)}?overdue=false&limit=100");
        Assert.Equal(29, notOverdue.Int("total"));
        Assert.Equal(Enumerable.Range(1, 32).Except([6, 7, 9]), notOverdue.Ordinals());
        Assert.All(notOverdue["items"]!.AsArray(), i =>
        {
            Assert.False(i!["overdue"]!.GetValue<bool>());
            Assert.Equal(0, i.Int("daysOverdue"));
        });
    }

    [Fact]
    public async Task List_filters_by_status_and_completed_items_are_not_overdue()
    {
        var planId = await NewPlanAsync();
        await _client.CreateItemAsync(planId, ItemBody(1, quarter: 1, due: Due(2023, 2), dueText: "tháng 02/2023"));
        await _client.CreateItemAsync(planId, ItemBody(2, quarter: 1, due: Due(2023, 2), dueText: "tháng 02/2023"));
        await _client.CreateItemAsync(planId, ItemBody(3, quarter: 1, due: Due(2023, 2), dueText: "tháng 02/2023"));
        await _client.CreateItemAsync(planId, ItemBody(4, quarter: 2));
        await _client.PostReportAsync(planId, 2, "ban-tdkt-can-tho", "in_progress", 40);
        await _client.PostReportAsync(planId, 3, "ban-tdkt-can-tho", "completed", 100);

        Assert.Equal([2], (await _client.GetJsonAsync($"{Items(planId)}?status=in_progress")).Ordinals());
        Assert.Equal([3], (await _client.GetJsonAsync($"{Items(planId)}?status=completed")).Ordinals());
        Assert.Equal([1, 4], (await _client.GetJsonAsync($"{Items(planId)}?status=not_started")).Ordinals());
        Assert.Equal(0, (await _client.GetJsonAsync($"{Items(planId)}?status=cancelled")).Int("total"));

        Assert.Equal([1, 2], (await _client.GetJsonAsync($"{Items(planId)}?overdue=true")).Ordinals());
        Assert.Equal([3, 4], (await _client.GetJsonAsync($"{Items(planId)}?overdue=false")).Ordinals());

        var done = await _client.GetJsonAsync($"{Items(planId)}/3");
        Assert.Equal("completed", done.Text("status"));
        Assert.Equal(100, done.Int("percentComplete"));
        Assert.False(done["overdue"]!.GetValue<bool>());
        Assert.True(done["completedLate"]!.GetValue<bool>());
        Assert.Equal("2023-03-15", done.Text("completedOn"));
    }

    [Fact]
    public async Task List_filters_by_status_with_stored_reports()
    {
        var planId = await NewPlanAsync();
        await _client.CreateItemAsync(planId, ItemBody(1, quarter: 1, due: Due(2023, 2), dueText: "tháng 02/2023"));
        await _client.CreateItemAsync(planId, ItemBody(2, quarter: 1, due: Due(2023, 2), dueText: "tháng 02/2023"));
        await _client.CreateItemAsync(planId, ItemBody(3, quarter: 1, due: Due(2023, 2), dueText: "tháng 02/2023"));
        await _client.CreateItemAsync(planId, ItemBody(4, quarter: 2));
        await _client.CreateItemAsync(planId, ItemBody(5, quarter: 1, due: Due(2023, 1), dueText: "tháng 01/2023"));
        await api.StoreReportAsync(planId, 2, "ban-tdkt-can-tho", ItemStatus.InProgress, 40);
        await api.StoreReportAsync(planId, 3, "ban-tdkt-can-tho", ItemStatus.Completed, 100);
        await api.StoreReportAsync(planId, 5, "ban-tdkt-can-tho", ItemStatus.Cancelled, 0);

        Assert.Equal([2], (await _client.GetJsonAsync($"{Items(planId)}?status=in_progress")).Ordinals());
        Assert.Equal([3], (await _client.GetJsonAsync($"{Items(planId)}?status=completed")).Ordinals());
        Assert.Equal([5], (await _client.GetJsonAsync($"{Items(planId)}?status=cancelled")).Ordinals());
        Assert.Equal([1, 4], (await _client.GetJsonAsync($"{Items(planId)}?status=not_started")).Ordinals());
        Assert.Equal(0, (await _client.GetJsonAsync($"{Items(planId)}?status=postponed")).Int("total"));
        Assert.Equal([1, 2], (await _client.GetJsonAsync($"{Items(planId)}?overdue=true")).Ordinals());
        Assert.Equal([3, 4, 5], (await _client.GetJsonAsync($"{Items(planId)}?overdue=false")).Ordinals());
        Assert.Equal([2], (await _client.GetJsonAsync($"{Items(planId)}?overdue=true&status=in_progress")).Ordinals());

        var inProgress = await _client.GetJsonAsync($"{Items(planId)}/2");
        Assert.Equal(40, inProgress.Int("percentComplete"));
        Assert.True(inProgress["overdue"]!.GetValue<bool>());
        Assert.Equal(15, inProgress.Int("daysOverdue"));
        var done = await _client.GetJsonAsync($"{Items(planId)}/3");
        Assert.False(done["overdue"]!.GetValue<bool>());
        Assert.True(done["completedLate"]!.GetValue<bool>());
        Assert.Equal("2023-03-15", done.Text("completedOn"));
    }

    [Fact]
    public async Task List_pages_with_limit_offset_total_and_next_link()
    {
        var id = await SeededPlan.IdAsync(_client);
        var first = await _client.GetJsonAsync($"{Items(id)}?limit=5&quarter=1");
        Assert.Equal([1, 2, 3, 4, 5], first.Ordinals());
        Assert.Equal(10, first.Int("total"));
        var next = first.Text("next");
        var uri = new Uri(new Uri("http://localhost"), next);
        Assert.Equal($"/api/v1/plans/{id}/items", uri.AbsolutePath);
        var query = QueryHelpers.ParseQuery(uri.Query);
        Assert.Equal("5", query["offset"].ToString());
        Assert.Equal("5", query["limit"].ToString());
        Assert.Equal("1", query["quarter"].ToString());

        var second = await _client.GetJsonAsync(next);
        Assert.Equal([6, 7, 8, 9, 10], second.Ordinals());
        Assert.Null(second["next"]);

        var last = await _client.GetJsonAsync($"{Items(id)}?limit=5&offset=30");
        Assert.Equal([31, 32], last.Ordinals());
        Assert.Equal(32, last.Int("total"));
        Assert.Null(last["next"]);
    }

    [Theory]
    [InlineData("quarter=0", "quarter")]
    [InlineData("quarter=5", "quarter")]
    [InlineData("quarter=x", "quarter")]
    [InlineData("status=bogus", "status")]
    [InlineData("status=InProgress", "status")]
    [InlineData("overdue=maybe", "overdue")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("q=thi%00dua", "q")]
    [InlineData("lead=ban-tdkt-can-tho%00", "lead")]
    [InlineData("agency=ban-tdkt-can-tho%00", "agency")]
    public async Task List_with_bad_query_parameter_is_400_problem_naming_it(string query, string field)
    {
        var id = await SeededPlan.IdAsync(_client);
        var answer = await _client.GetAsync($"{Items(id)}?{query}");
        var problem = await answer.BadRequestAsync();
        Assert.Contains(field, problem.ErrorFields());
        answer.AssertProblemJson();
    }

    [Fact]
    public async Task List_of_an_unknown_plan_is_404_and_of_a_malformed_id_is_400()
    {
        var id = Guid.NewGuid();
        var problem = await (await _client.GetAsync(Items(id.ToString()))).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal($"Plan '{id}' does not exist.", problem.Text("detail"));
        var answer = await _client.GetAsync(Items("nope"));
        var bad = await answer.BadRequestAsync();
        Assert.Equal(["planId"], bad.ErrorFields());
        answer.AssertProblemJson();
    }

    // ---------- get ----------

    [Fact]
    public async Task Get_by_ordinal_returns_the_item()
    {
        var id = await SeededPlan.IdAsync(_client);
        var item = await _client.GetJsonAsync($"{Items(id)}/19");
        Assert.Equal(id, item.Text("planId"));
        Assert.Equal("244/KH-UBND", item.Text("planNumber"));
        Assert.Equal(19, item.Int("ordinal"));
        Assert.Equal(3, item.Int("quarter"));
        Assert.Equal("so-gddt-can-tho", item["lead"]!.Text("code"));
        Assert.Equal(["ban-tdkt-can-tho"], item["coordinators"]!.Codes());
        Assert.Equal("tháng 7/2023", item["due"]!.Text("text"));
        Assert.Equal("2023-07-31", item["due"]!.Text("end"));
        Assert.Equal("not_started", item.Text("status"));
        Assert.Equal(0, item.Int("percentComplete"));
        Assert.Null(item["latestReportId"]);
    }

    [Fact]
    public async Task Get_missing_ordinal_is_404_problem_naming_the_item()
    {
        var id = await SeededPlan.IdAsync(_client);
        var problem = await (await _client.GetAsync($"{Items(id)}/99")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Item '99' does not exist.", problem.Text("detail"));
    }

    [Fact]
    public async Task Get_item_of_missing_plan_is_404_problem_naming_the_plan()
    {
        var id = Guid.NewGuid();
        var problem = await (await _client.GetAsync($"{Items(id.ToString())}/1")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal($"Plan '{id}' does not exist.", problem.Text("detail"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public async Task Get_malformed_ordinal_is_400_naming_ordinal(string ordinal)
    {
        var id = await SeededPlan.IdAsync(_client);
        var answer = await _client.GetAsync($"{Items(id)}/{ordinal}");
        var problem = await answer.BadRequestAsync();
        Assert.Equal(["ordinal"], problem.ErrorFields());
        answer.AssertProblemJson();
    }

    // ---------- create ----------

    [Fact]
    public async Task Create_is_201_with_a_Location_that_gets_the_same_item()
    {
        var planId = await NewPlanAsync(year: 2024);
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        var body = ItemBody(7, quarter: 3, lead: "so-gddt-can-tho", coordinators: ["ban-tdkt-can-tho", "ninh-kieu"],
            due: Due(2024, 7, "late"), dueText: "cuối tháng 7/2024");
        var response = await _client.SendJsonAsync(HttpMethod.Post, Items(planId), body.ToJsonString());
        var created = await response.JsonAsync(HttpStatusCode.Created);

        Assert.NotNull(response.Headers.Location);
        Assert.EndsWith($"/api/v1/plans/{planId}/items/7", response.Headers.Location!.ToString());
        var fetched = await _client.GetJsonAsync(response.Headers.Location.ToString());
        Assert.Equal(created.ToJsonString(), fetched.ToJsonString());

        Assert.Equal(planId, fetched.Text("planId"));
        Assert.Equal(7, fetched.Int("ordinal"));
        Assert.Equal(3, fetched.Int("quarter"));
        Assert.Equal(body.Text("content"), fetched.Text("content"));
        Assert.Equal("so-gddt-can-tho", fetched["lead"]!.Text("code"));
        Assert.Equal("Sở Giáo dục và Đào tạo thành phố Cần Thơ", fetched["lead"]!.Text("name"));
        Assert.Equal("Cơ quan Thường trực Hội đồng TĐKT", fetched.Text("leadRole"));
        Assert.Equal(["ban-tdkt-can-tho", "ninh-kieu"], fetched["coordinators"]!.Codes());
        Assert.True(fetched["andRelatedAgencies"]!.GetValue<bool>());
        Assert.Equal("Ban TĐKT thành phố chủ trì phối hợp với các cơ quan liên quan", fetched.Text("executingUnitsText"));
        Assert.Equal("not_started", fetched.Text("status"));
        Assert.Equal(0, fetched.Int("percentComplete"));
        Assert.False(fetched["overdue"]!.GetValue<bool>());
        Assert.Null(fetched["lastReportedAt"]);
        Assert.Equal(api.Clock.GetUtcNow(), DateTimeOffset.Parse(fetched.Text("createdAt"), CultureInfo.InvariantCulture));

        var plan = await _client.GetJsonAsync($"{PlansUrl}/{planId}");
        Assert.Equal(1, plan.Int("itemCount"));
        Assert.Equal(api.Clock.GetUtcNow(), DateTimeOffset.Parse(plan.Text("updatedAt"), CultureInfo.InvariantCulture));
        Assert.True(DateTimeOffset.Parse(plan.Text("createdAt"), CultureInfo.InvariantCulture) < api.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Create_persists_the_due_period()
    {
        var planId = await NewPlanAsync(year: 2024);
        await _client.CreateItemAsync(planId, ItemBody(1, quarter: 2, due: Due(2024, 5, "mid"), dueText: "giữa tháng 5/2024"));
        var due = (await _client.GetJsonAsync($"{Items(planId)}/1"))["due"]!;
        Assert.Equal(2024, due.Int("year"));
        Assert.Equal(5, due.Int("month"));
        Assert.Equal("mid", due.Text("part"));
        Assert.Equal("giữa tháng 5/2024", due.Text("text"));
        Assert.Equal("2024-05-11", due.Text("start"));
        Assert.Equal("2024-05-20", due.Text("end"));
        Assert.False(due["endOfQuarter"]!.GetValue<bool>());

        await using var db = api.NewDbContext();
        var stored = await db.PlanItems.AsNoTracking().SingleAsync(i => i.PlanId == Guid.Parse(planId) && i.Ordinal == 1);
        Assert.Equal(new DateOnly(2024, 5, 20), stored.DueEnd);
        Assert.Equal("giữa tháng 5/2024", stored.DueText);
    }

    [Fact]
    public async Task Create_with_a_due_month_and_no_part_is_due_the_whole_month()
    {
        var planId = await NewPlanAsync(year: 2024);
        var body = ItemBody(1, quarter: 1, due: new JsonObject { ["year"] = 2024, ["month"] = 2 });
        var due = (await _client.CreateItemAsync(planId, body))["due"]!;
        Assert.Equal("whole", due.Text("part"));
        Assert.Equal("2024-02-01", due.Text("start"));
        Assert.Equal("2024-02-29", due.Text("end"));
    }

    [Theory]
    [InlineData(1, "2024-01-01", "2024-03-31")]
    [InlineData(2, "2024-04-01", "2024-06-30")]
    [InlineData(3, "2024-07-01", "2024-09-30")]
    [InlineData(4, "2024-10-01", "2024-12-31")]
    public async Task Create_without_due_is_due_at_the_end_of_its_quarter_of_the_plan_year(int quarter, string start, string end)
    {
        var planId = await NewPlanAsync(year: 2024);
        var due = (await _client.CreateItemAsync(planId, ItemBody(quarter, quarter: quarter)))["due"]!;
        Assert.Null(due["year"]);
        Assert.Null(due["month"]);
        Assert.Null(due["part"]);
        Assert.Null(due["text"]);
        Assert.Equal(start, due.Text("start"));
        Assert.Equal(end, due.Text("end"));
        Assert.True(due["endOfQuarter"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Create_on_a_draft_plan_is_allowed()
    {
        var planId = await NewPlanAsync(lifecycle: "draft");
        var item = await _client.CreateItemAsync(planId, ItemBody(1));
        Assert.Equal(1, item.Int("ordinal"));
    }

    [Fact]
    public async Task Create_duplicate_ordinal_is_409_and_writes_nothing()
    {
        var planId = await NewPlanAsync();
        await _client.CreateItemAsync(planId, ItemBody(5, content: "Bản gốc"));
        var response = await _client.SendJsonAsync(HttpMethod.Post, Items(planId), ItemBody(5, content: "Bản trùng").ToJsonString());
        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("5", problem.Text("detail"));
        Assert.Equal(1, await ItemCountAsync(planId));
        Assert.Equal("Bản gốc", (await _client.GetJsonAsync($"{Items(planId)}/5")).Text("content"));
    }

    [Fact]
    public async Task Create_with_unknown_lead_is_422_naming_leadAgencyCode_and_writes_nothing()
    {
        var planId = await NewPlanAsync();
        var response = await _client.SendJsonAsync(HttpMethod.Post, Items(planId), ItemBody(1, lead: "so-khong-co").ToJsonString());
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["leadAgencyCode"], problem.ErrorFields());
        Assert.Contains("so-khong-co", problem.Text("detail"));
        Assert.Equal(0, await ItemCountAsync(planId));
    }

    [Fact]
    public async Task Create_with_unknown_coordinators_is_422_naming_coordinatingAgencyCodes_and_writes_nothing()
    {
        var planId = await NewPlanAsync();
        var response = await _client.SendJsonAsync(HttpMethod.Post, Items(planId),
            ItemBody(1, coordinators: ["ninh-kieu", "quan-khong-co", "huyen-khong-co"]).ToJsonString());
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["coordinatingAgencyCodes"], problem.ErrorFields());
        Assert.Contains("quan-khong-co", problem.Text("detail"));
        Assert.Contains("huyen-khong-co", problem.Text("detail"));
        Assert.DoesNotContain("ninh-kieu", problem.Text("detail"));
        Assert.Equal(0, await ItemCountAsync(planId));
    }

    [Fact]
    public async Task Create_in_an_unknown_plan_is_404()
    {
        var id = Guid.NewGuid();
        var problem = await (await _client.SendJsonAsync(HttpMethod.Post, Items(id.ToString()), ItemBody(1).ToJsonString()))
            .ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal($"Plan '{id}' does not exist.", problem.Text("detail"));
    }

    [Fact]
    public async Task Create_update_and_delete_in_a_closed_plan_are_422()
    {
        var body = PlanBody(UniqueNumber(), year: 2023, issuedOn: "2022-12-01", lifecycle: "published");
        var planId = await _client.CreatePlanIdAsync(body);
        await _client.CreateItemAsync(planId, ItemBody(1));
        Set(body, "lifecycle", "closed");
        await _client.PutJsonAsync($"{PlansUrl}/{planId}", body, HttpStatusCode.OK);

        await (await _client.SendJsonAsync(HttpMethod.Post, Items(planId), ItemBody(2).ToJsonString())).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await _client.SendJsonAsync(HttpMethod.Put, $"{Items(planId)}/1", ItemBody(null, content: "Đổi").ToJsonString()))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await _client.DeleteAsync($"{Items(planId)}/1")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, await ItemCountAsync(planId));
        Assert.Equal(ItemBody(1).Text("content"), (await _client.GetJsonAsync($"{Items(planId)}/1")).Text("content"));
    }

    // ---------- update ----------

    [Fact]
    public async Task Update_replaces_content_quarter_agencies_and_due()
    {
        var planId = await NewPlanAsync(year: 2024);
        await _client.CreateItemAsync(planId, ItemBody(3, quarter: 1, coordinators: ["ninh-kieu"]));
        var body = ItemBody(null, quarter: 4, lead: "so-noi-vu-can-tho", coordinators: ["cai-rang"], due: Due(2024, 11, "early"),
            dueText: "đầu tháng 11/2024", content: "Nội dung đã sửa");
        body["andRelatedAgencies"] = false;
        body["leadRole"] = null;
        body["executingUnitsText"] = "   ";

        var updated = await _client.PutJsonAsync($"{Items(planId)}/3", body, HttpStatusCode.OK);
        Assert.Equal(3, updated.Int("ordinal"));
        Assert.Equal(4, updated.Int("quarter"));
        Assert.Equal("Nội dung đã sửa", updated.Text("content"));
        Assert.Equal("so-noi-vu-can-tho", updated["lead"]!.Text("code"));
        Assert.Null(updated["leadRole"]);
        Assert.Null(updated["executingUnitsText"]);
        Assert.False(updated["andRelatedAgencies"]!.GetValue<bool>());
        Assert.Equal(["cai-rang"], updated["coordinators"]!.Codes());
        Assert.Equal("2024-11-10", updated["due"]!.Text("end"));
        Assert.Equal("đầu tháng 11/2024", updated["due"]!.Text("text"));
        Assert.Equal(updated.ToJsonString(), (await _client.GetJsonAsync($"{Items(planId)}/3")).ToJsonString());
        // The search key follows the new content.
        Assert.Equal([3], (await _client.GetJsonAsync($"{Items(planId)}?q=noi%20dung%20da%20sua")).Ordinals());
        Assert.Equal(0, (await _client.GetJsonAsync($"{Items(planId)}?q=so%20ket")).Int("total"));
    }

    [Fact]
    public async Task Update_keeps_the_status_derived_from_reports()
    {
        var planId = await NewPlanAsync();
        await _client.CreateItemAsync(planId, ItemBody(1, quarter: 2));
        var report = await _client.PostReportAsync(planId, 1, "ban-tdkt-can-tho", "in_progress", 40);

        var updated = await _client.PutJsonAsync($"{Items(planId)}/1", ItemBody(null, quarter: 2, content: "Nội dung mới"), HttpStatusCode.OK);

        Assert.Equal("Nội dung mới", updated.Text("content"));
        Assert.Equal("in_progress", updated.Text("status"));
        Assert.Equal(40, updated.Int("percentComplete"));
        Assert.Equal(report.Text("id"), updated.Text("latestReportId"));
        Assert.Equal([1], (await _client.GetJsonAsync($"{Items(planId)}?status=in_progress")).Ordinals());
    }

    [Theory]
    [InlineData("status", "\"completed\"")]
    [InlineData("percentComplete", "100")]
    [InlineData("latestReportId", "\"0195f3a4-77aa-7b1c-9d2e-abcdef012345\"")]
    public async Task Update_refuses_a_typed_status_field_and_changes_nothing(string field, string json)
    {
        var planId = await NewPlanAsync();
        await _client.CreateItemAsync(planId, ItemBody(1, quarter: 2));
        await _client.PostReportAsync(planId, 1, "ban-tdkt-can-tho", "in_progress", 40);

        var body = ItemBody(null, quarter: 2, content: "Nội dung mới");
        body[field] = System.Text.Json.Nodes.JsonNode.Parse(json);
        var problem = await (await _client.PutAsJsonAsync($"{Items(planId)}/1", body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.ErrorFields());
        var fetched = await _client.GetJsonAsync($"{Items(planId)}/1");
        Assert.NotEqual("Nội dung mới", fetched.Text("content"));
        Assert.Equal("in_progress", fetched.Text("status"));
        Assert.Equal(40, fetched.Int("percentComplete"));
    }

    [Fact]
    public async Task Update_replaces_the_coordinators_in_the_order_given()
    {
        var planId = await NewPlanAsync();
        await _client.CreateItemAsync(planId, ItemBody(1, coordinators: ["ninh-kieu", "binh-thuy", "cai-rang"]));
        Assert.Equal(["ninh-kieu", "binh-thuy", "cai-rang"], (await _client.GetJsonAsync($"{Items(planId)}/1"))["coordinators"]!.Codes());

        var updated = await _client.PutJsonAsync($"{Items(planId)}/1", ItemBody(null, coordinators: ["cai-rang", "o-mon", "ninh-kieu"]), HttpStatusCode.OK);
        Assert.Equal(["cai-rang", "o-mon", "ninh-kieu"], updated["coordinators"]!.Codes());
        Assert.Equal(["cai-rang", "o-mon", "ninh-kieu"], (await _client.GetJsonAsync($"{Items(planId)}/1"))["coordinators"]!.Codes());
        Assert.Equal(0, (await _client.GetJsonAsync($"{Items(planId)}?agency=binh-thuy")).Int("total"));
        Assert.Equal([1], (await _client.GetJsonAsync($"{Items(planId)}?agency=o-mon")).Ordinals());

        var cleared = await _client.PutJsonAsync($"{Items(planId)}/1", ItemBody(null, coordinators: []), HttpStatusCode.OK);
        Assert.Empty(cleared["coordinators"]!.AsArray());
    }

    [Fact]
    public async Task Update_removing_the_due_period_makes_it_due_at_the_end_of_the_quarter()
    {
        var planId = await NewPlanAsync(year: 2024);
        await _client.CreateItemAsync(planId, ItemBody(1, quarter: 3, due: Due(2024, 7), dueText: "tháng 7/2024"));
        var updated = await _client.PutJsonAsync($"{Items(planId)}/1", ItemBody(null, quarter: 3), HttpStatusCode.OK);
        Assert.Null(updated["due"]!["text"]);
        Assert.Null(updated["due"]!["month"]);
        Assert.Equal("2024-09-30", updated["due"]!.Text("end"));
        Assert.True(updated["due"]!["endOfQuarter"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Changing_the_plan_year_moves_items_without_a_due_phrase()
    {
        var body = PlanBody(UniqueNumber(), year: 2024, issuedOn: "2023-12-01");
        var planId = await _client.CreatePlanIdAsync(body);
        await _client.CreateItemAsync(planId, ItemBody(1, quarter: 2));
        await _client.CreateItemAsync(planId, ItemBody(2, quarter: 2, due: Due(2024, 5), dueText: "tháng 5/2024"));
        Set(body, "year", 2025);
        await _client.PutJsonAsync($"{PlansUrl}/{planId}", body, HttpStatusCode.OK);

        Assert.Equal("2025-06-30", (await _client.GetJsonAsync($"{Items(planId)}/1"))["due"]!.Text("end"));
        Assert.Equal("2024-05-31", (await _client.GetJsonAsync($"{Items(planId)}/2"))["due"]!.Text("end"));
    }

    [Fact]
    public async Task Update_of_a_missing_item_or_plan_is_404()
    {
        var planId = await NewPlanAsync();
        var missingItem = await (await _client.SendJsonAsync(HttpMethod.Put, $"{Items(planId)}/42", ItemBody(null).ToJsonString()))
            .ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Item '42' does not exist.", missingItem.Text("detail"));
        var id = Guid.NewGuid();
        var missingPlan = await (await _client.SendJsonAsync(HttpMethod.Put, $"{Items(id.ToString())}/1", ItemBody(null).ToJsonString()))
            .ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal($"Plan '{id}' does not exist.", missingPlan.Text("detail"));
        Assert.Equal(0, await ItemCountAsync(planId));
    }

    [Fact]
    public async Task Update_with_unknown_agencies_is_422_naming_the_field_and_changes_nothing()
    {
        var planId = await NewPlanAsync();
        await _client.CreateItemAsync(planId, ItemBody(1, coordinators: ["ninh-kieu"]));
        var before = await _client.GetJsonAsync($"{Items(planId)}/1");

        var lead = await (await _client.SendJsonAsync(HttpMethod.Put, $"{Items(planId)}/1",
            ItemBody(null, lead: "so-khong-co", content: "Không lưu").ToJsonString())).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["leadAgencyCode"], lead.ErrorFields());
        var coordinators = await (await _client.SendJsonAsync(HttpMethod.Put, $"{Items(planId)}/1",
            ItemBody(null, coordinators: ["quan-khong-co"], content: "Không lưu").ToJsonString())).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["coordinatingAgencyCodes"], coordinators.ErrorFields());

        Assert.Equal(before.ToJsonString(), (await _client.GetJsonAsync($"{Items(planId)}/1")).ToJsonString());
    }

    // ---------- delete ----------

    [Fact]
    public async Task Delete_an_item_without_reports_is_204_then_404()
    {
        var planId = await NewPlanAsync();
        await _client.CreateItemAsync(planId, ItemBody(1));
        await _client.CreateItemAsync(planId, ItemBody(2));

        var response = await _client.DeleteAsync($"{Items(planId)}/1");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await _client.GetAsync($"{Items(planId)}/1")).ProblemAsync(HttpStatusCode.NotFound);
        await (await _client.DeleteAsync($"{Items(planId)}/1")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal([2], (await _client.GetJsonAsync(Items(planId))).Ordinals());
        Assert.Equal(1, (await _client.GetJsonAsync($"{PlansUrl}/{planId}")).Int("itemCount"));
        Assert.Equal(1, await ItemCountAsync(planId));

        // The ordinal is free again.
        Assert.Equal("Lại", (await _client.CreateItemAsync(planId, ItemBody(1, content: "Lại"))).Text("content"));
    }

    [Fact]
    public async Task Delete_an_item_with_a_progress_report_is_422_and_it_stays()
    {
        var planId = await NewPlanAsync();
        await _client.CreateItemAsync(planId, ItemBody(1, lead: "so-gddt-can-tho", coordinators: ["ban-tdkt-can-tho"]));
        await _client.PostReportAsync(planId, 1, "ban-tdkt-can-tho", "in_progress", 10, "Đã xây dựng dự thảo kế hoạch.");

        var problem = await (await _client.DeleteAsync($"{Items(planId)}/1")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("progress reports", problem.Text("detail"));
        var item = await _client.GetJsonAsync($"{Items(planId)}/1");
        Assert.Equal("in_progress", item.Text("status"));
        Assert.Equal(1, (await _client.GetJsonAsync($"{Items(planId)}/1/progress-reports")).Int("total"));
        await using var db = api.NewDbContext();
        Assert.Equal(1, await db.ProgressReports.CountAsync(r => r.PlanItem!.PlanId == Guid.Parse(planId)));
    }

    [Fact]
    public async Task Delete_an_item_with_a_stored_progress_report_is_422_and_it_stays()
    {
        var planId = await NewPlanAsync();
        await _client.CreateItemAsync(planId, ItemBody(1));
        await api.StoreReportAsync(planId, 1, "ban-tdkt-can-tho", ItemStatus.InProgress, 10);

        var problem = await (await _client.DeleteAsync($"{Items(planId)}/1")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Item 1 has progress reports and cannot be deleted.", problem.Text("detail"));
        Assert.Equal("in_progress", (await _client.GetJsonAsync($"{Items(planId)}/1")).Text("status"));
        Assert.Equal(1, (await _client.GetJsonAsync($"{PlansUrl}/{planId}")).Int("itemCount"));
        await using var db = api.NewDbContext();
        Assert.Equal(1, await db.ProgressReports.CountAsync(r => r.PlanItem!.PlanId == Guid.Parse(planId)));
    }

    [Fact]
    public async Task Delete_of_a_missing_item_or_plan_is_404()
    {
        var planId = await NewPlanAsync();
        var item = await (await _client.DeleteAsync($"{Items(planId)}/77")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Item '77' does not exist.", item.Text("detail"));
        var id = Guid.NewGuid();
        var plan = await (await _client.DeleteAsync($"{Items(id.ToString())}/1")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal($"Plan '{id}' does not exist.", plan.Text("detail"));
        var answer = await _client.DeleteAsync($"{Items(planId)}/abc");
        Assert.Equal(["ordinal"], (await answer.BadRequestAsync()).ErrorFields());
        answer.AssertProblemJson();
    }

    // ---------- Vietnamese text ----------

    [Fact]
    public async Task Vietnamese_content_round_trips_exactly()
    {
        const string content = "Khen thưởng, tôn vinh và biểu dương học sinh đạt giải cao tại các kỳ thi học sinh giỏi cấp quốc gia năm học 2022 – 2023 (“Người tốt việc tốt”, tập 18; ỹ ự ở ẵ)";
        var planId = await NewPlanAsync();
        var body = ItemBody(1, content: content, due: Due(2023, 7), dueText: "tháng 7/2023");
        body["leadRole"] = "Cơ quan Thường trực Hội đồng TĐKT";
        await _client.CreateItemAsync(planId, body);
        var item = await _client.GetJsonAsync($"{Items(planId)}/1");
        Assert.Equal(content, item.Text("content"));
        Assert.Equal("Cơ quan Thường trực Hội đồng TĐKT", item.Text("leadRole"));
        Assert.Equal("tháng 7/2023", item["due"]!.Text("text"));
    }

    [Fact]
    public async Task NFD_item_text_is_stored_and_returned_as_NFC_and_found_by_search()
    {
        var content = "Tổ chức Hội nghị tuyên dương điển hình tiên tiến trong phong trào Thi đua";
        var nfd = content.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(content, nfd);
        var planId = await NewPlanAsync();
        var body = ItemBody(1, content: nfd, due: Due(2023, 5), dueText: "tháng 5/2023".Normalize(NormalizationForm.FormD));
        body["executingUnitsText"] = "Ban Tuyên giáo Thành ủy chủ trì".Normalize(NormalizationForm.FormD);
        var created = await _client.CreateItemAsync(planId, body);
        Assert.Equal(content, created.Text("content"));

        var item = await _client.GetJsonAsync($"{Items(planId)}/1");
        Assert.Equal(content, item.Text("content"));
        Assert.Equal("Ban Tuyên giáo Thành ủy chủ trì", item.Text("executingUnitsText"));

        await using var db = api.NewDbContext();
        var stored = await db.PlanItems.AsNoTracking().SingleAsync(i => i.PlanId == Guid.Parse(planId) && i.Ordinal == 1);
        Assert.Equal(content, stored.Content);
        Assert.True(stored.Content.IsNormalized(NormalizationForm.FormC));

        Assert.Equal([1], (await _client.GetJsonAsync($"{Items(planId)}?q=tuyen%20duong")).Ordinals());
        Assert.Equal([1], (await _client.GetJsonAsync($"{Items(planId)}?q={Uri.EscapeDataString("Thi đua".Normalize(NormalizationForm.FormD))}")).Ordinals());
    }

    [Fact]
    public async Task Content_at_the_maximum_length_is_accepted()
    {
        var planId = await NewPlanAsync();
        var content = string.Concat(Enumerable.Repeat("Thi đua ", 1000)).TrimEnd();
        content += new string('x', 8000 - content.Length);
        Assert.Equal(8000, content.Length);
        var item = await _client.CreateItemAsync(planId, ItemBody(1, content: content));
        Assert.Equal(content, item.Text("content"));
    }

    [Fact]
    public async Task Content_within_the_length_limit_is_accepted_in_any_script()
    {
        // 5,000 Hangul syllables: well within the 8,000-character limit of content.
        var planId = await NewPlanAsync();
        var content = "Hợp tác với thành phố kết nghĩa: " + new string('가', 5000);
        var response = await _client.SendJsonAsync(HttpMethod.Post, Items(planId), ItemBody(1, content: content).ToJsonString());
        var item = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(content, item.Text("content"));
        Assert.Equal([1], (await _client.GetJsonAsync($"{Items(planId)}?q=hop%20tac")).Ordinals());
    }

    [Fact]
    public async Task A_due_phrase_without_a_month_is_kept_as_written_and_the_item_is_due_at_the_end_of_its_quarter()
    {
        var planId = await NewPlanAsync();
        var body = ItemBody(3, quarter: 2);
        body["due"] = null;
        body["dueText"] = "thường xuyên";
        var created = await _client.CreateItemAsync(planId, body);
        Assert.Equal("thường xuyên", created["due"]!["text"]!.GetValue<string>());
        Assert.Null(created["due"]!["month"]);
        Assert.True(created["due"]!["endOfQuarter"]!.GetValue<bool>());
        Assert.Equal("2023-06-30", created["due"]!["end"]!.GetValue<string>());
    }
}
