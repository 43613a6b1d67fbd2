using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Plans.PlanRequests;

namespace PlanApi.Tests.Features.Plans;

/// <summary>/api/v1/plans over HTTP: list, get, create, update and delete, success and failure.</summary>
public sealed class PlansTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    private async Task<int> PlanCountAsync()
    {
        await using var db = api.NewDbContext();
        return await db.Plans.CountAsync();
    }

    private static List<string> Numbers(JsonNode page) =>
        page["items"]!.AsArray().Select(p => p!["number"]!.GetValue<string>()).ToList();

    // ---------- list ----------

    [Fact]
    public async Task List_by_year_and_issuer_finds_the_seeded_plan_with_its_summary()
    {
        var page = await _client.GetJsonAsync($"{PlansUrl}?year=2023&issuer=ubnd-can-tho");
        Assert.Equal(1, page.Int("total"));
        Assert.Equal(20, page.Int("limit"));
        Assert.Equal(0, page.Int("offset"));
        Assert.Null(page["next"]);
        var plan = page["items"]!.AsArray().Single()!;
        Assert.Equal("244/KH-UBND", plan.Text("number"));
        Assert.Equal("Triển khai công tác thi đua, khen thưởng năm 2023", plan.Text("title"));
        Assert.Equal("2022-12-20", plan.Text("issuedOn"));
        Assert.Equal(2023, plan.Int("year"));
        Assert.Equal("published", plan.Text("lifecycle"));
        Assert.Equal(32, plan.Int("itemCount"));
        Assert.Equal("ubnd-can-tho", plan["issuer"]!.Text("code"));
        Assert.Equal("Ủy ban nhân dân thành phố Cần Thơ", plan["issuer"]!.Text("name"));
    }

    [Fact]
    public async Task List_filters_by_year_issuer_and_lifecycle()
    {
        var draftCanTho = UniqueNumber();
        var publishedCanTho = UniqueNumber();
        var draftNinhKieu = UniqueNumber("KH-UBND-NK");
        await _client.CreatePlanAsync(PlanBody(draftCanTho, year: 2031, issuedOn: "2030-12-01"));
        await _client.CreatePlanAsync(PlanBody(publishedCanTho, year: 2031, issuedOn: "2030-12-02", lifecycle: "published"));
        await _client.CreatePlanAsync(PlanBody(draftNinhKieu, issuerCode: "ninh-kieu", year: 2031, issuedOn: "2030-12-03"));
        await _client.CreatePlanAsync(PlanBody(UniqueNumber(), year: 2032, issuedOn: "2030-12-04"));

        var year = await _client.GetJsonAsync($"{PlansUrl}?year=2031");
        Assert.Equal(3, year.Int("total"));
        // Newest issue date first within the year.
        Assert.Equal([draftNinhKieu, publishedCanTho, draftCanTho], Numbers(year));

        var issuer = await _client.GetJsonAsync($"{PlansUrl}?year=2031&issuer=ninh-kieu");
        Assert.Equal([draftNinhKieu], Numbers(issuer));
        Assert.Equal("ninh-kieu", issuer["items"]![0]!["issuer"]!.Text("code"));

        var published = await _client.GetJsonAsync($"{PlansUrl}?year=2031&lifecycle=published");
        Assert.Equal([publishedCanTho], Numbers(published));

        var drafts = await _client.GetJsonAsync($"{PlansUrl}?year=2031&issuer=ubnd-can-tho&lifecycle=draft");
        Assert.Equal([draftCanTho], Numbers(drafts));

        var closed = await _client.GetJsonAsync($"{PlansUrl}?year=2031&lifecycle=closed");
        Assert.Equal(0, closed.Int("total"));
        Assert.Empty(closed["items"]!.AsArray());

        var unknownIssuer = await _client.GetJsonAsync($"{PlansUrl}?issuer=khong-ton-tai");
        Assert.Equal(0, unknownIssuer.Int("total"));
    }

    [Theory]
    [InlineData("thi dua")]
    [InlineData("THI DUA")]
    [InlineData("thi đua")]
    [InlineData("Thi đua, khen thưởng")]
    [InlineData("244/KH-UBND")]
    public async Task List_q_finds_the_seeded_plan_ignoring_case_and_diacritics(string q)
    {
        var page = await _client.GetJsonAsync($"{PlansUrl}?year=2023&q={Uri.EscapeDataString(q)}");
        Assert.Equal(["244/KH-UBND"], Numbers(page));
    }

    [Fact]
    public async Task List_q_matches_words_of_title_without_diacritics_and_excludes_others()
    {
        var match = UniqueNumber();
        await _client.CreatePlanAsync(PlanBody(match, year: 2033, title: "Phát động phong trào thi đua “Quyết thắng” năm 2033"));
        await _client.CreatePlanAsync(PlanBody(UniqueNumber(), year: 2033, title: "Kiểm tra công tác cải cách hành chính năm 2033"));

        Assert.Equal([match], Numbers(await _client.GetJsonAsync($"{PlansUrl}?year=2033&q=quyet%20thang")));
        Assert.Equal([match], Numbers(await _client.GetJsonAsync($"{PlansUrl}?year=2033&q=thi%20dua")));
        Assert.Equal([match], Numbers(await _client.GetJsonAsync($"{PlansUrl}?year=2033&q={Uri.EscapeDataString(match)}")));
        Assert.Equal(0, (await _client.GetJsonAsync($"{PlansUrl}?year=2033&q=khong%20co%20dau")).Int("total"));
    }

    [Fact]
    public async Task List_pages_with_limit_offset_total_and_a_next_link_that_walks_every_plan()
    {
        var created = new List<string>();
        for (var day = 1; day <= 5; day++)
            created.Add((await _client.CreatePlanAsync(PlanBody(UniqueNumber(), year: 2034, issuedOn: $"2033-11-0{day}")))["id"]!.GetValue<string>());

        var first = await _client.GetJsonAsync($"{PlansUrl}?year=2034&limit=2");
        Assert.Equal(5, first.Int("total"));
        Assert.Equal(2, first.Int("limit"));
        Assert.Equal(0, first.Int("offset"));
        Assert.Equal(2, first["items"]!.AsArray().Count);

        var seen = new List<string>();
        var offsets = new List<int>();
        JsonNode? page = first;
        while (page is not null)
        {
            offsets.Add(page.Int("offset"));
            seen.AddRange(page["items"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
            var next = page["next"]?.GetValue<string>();
            if (next is null) break;
            var uri = new Uri(new Uri("http://localhost"), next);
            Assert.Equal("/api/v1/plans", uri.AbsolutePath);
            var query = QueryHelpers.ParseQuery(uri.Query);
            Assert.Equal("2034", query["year"].ToString());
            Assert.Equal("2", query["limit"].ToString());
            page = await _client.GetJsonAsync(next);
        }
        Assert.Equal([0, 2, 4], offsets);
        // Newest issue date first: the plan issued on 5 November comes first.
        created.Reverse();
        Assert.Equal(created, seen);
    }

    [Fact]
    public async Task List_offset_past_the_end_gives_an_empty_page_with_the_total()
    {
        var page = await _client.GetJsonAsync($"{PlansUrl}?year=2023&offset=50");
        Assert.Equal(1, page.Int("total"));
        Assert.Equal(50, page.Int("offset"));
        Assert.Empty(page["items"]!.AsArray());
        Assert.Null(page["next"]);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=1.5", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("offset=abc", "offset")]
    [InlineData("offset=1000001", "offset")]
    [InlineData("year=abc", "year")]
    [InlineData("year=1999", "year")]
    [InlineData("year=2101", "year")]
    [InlineData("lifecycle=bogus", "lifecycle")]
    [InlineData("lifecycle=Published", "lifecycle")]
    public async Task List_with_bad_query_parameter_is_400_problem_naming_it(string query, string field)
    {
        var answer = await _client.GetAsync($"{PlansUrl}?{query}");
        var problem = await answer.BadRequestAsync();
        Assert.Contains(field, problem.ErrorFields());
        answer.AssertProblemJson();
    }

    [Fact]
    public async Task List_with_overlong_q_is_400_naming_q()
    {
        var answer = await _client.GetAsync($"{PlansUrl}?q={new string('a', 201)}");
        var problem = await answer.BadRequestAsync();
        Assert.Equal(["q"], problem.ErrorFields());
        answer.AssertProblemJson();
    }

    [Fact]
    public async Task List_with_NUL_in_q_is_400_naming_q()
    {
        var answer = await _client.GetAsync($"{PlansUrl}?q=thi%00dua");
        var problem = await answer.BadRequestAsync();
        Assert.Equal(["q"], problem.ErrorFields());
        answer.AssertProblemJson();
    }

    [Fact]
    public async Task List_with_NUL_in_issuer_is_400_naming_issuer()
    {
        var answer = await _client.GetAsync($"{PlansUrl}?issuer=ubnd%00");
        var problem = await answer.BadRequestAsync();
        Assert.Equal(["issuer"], problem.ErrorFields());
        answer.AssertProblemJson();
    }

    // ---------- get ----------

    [Fact]
    public async Task Get_unknown_id_is_404_problem()
    {
        var id = Guid.NewGuid();
        var problem = await (await _client.GetAsync($"{PlansUrl}/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal($"Plan '{id}' does not exist.", problem.Text("detail"));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("12345")]
    [InlineData("0195f3a0-1c2b-7d4e-8f90-123456789abcd")]
    public async Task Get_malformed_id_is_400_problem_naming_planId(string id)
    {
        var answer = await _client.GetAsync($"{PlansUrl}/{id}");
        var problem = await answer.BadRequestAsync();
        Assert.Equal(["planId"], problem.ErrorFields());
        answer.AssertProblemJson();
    }

    // ---------- create ----------

    [Fact]
    public async Task Create_is_201_a_draft_with_a_Location_that_gets_the_same_plan()
    {
        var number = UniqueNumber();
        var response = await _client.SendJsonAsync(HttpMethod.Post, PlansUrl, PlanBody(number).ToJsonString());
        var created = await response.JsonAsync(HttpStatusCode.Created);
        var id = created.Text("id");

        Assert.NotNull(response.Headers.Location);
        Assert.EndsWith($"/api/v1/plans/{id}", response.Headers.Location!.ToString());
        var fetched = await _client.GetJsonAsync(response.Headers.Location.ToString());
        Assert.Equal(created.ToJsonString(), fetched.ToJsonString());

        Assert.Equal(number, fetched.Text("number"));
        Assert.Equal("draft", fetched.Text("lifecycle"));
        Assert.Equal(0, fetched.Int("itemCount"));
        Assert.Equal(api.Clock.GetUtcNow(), DateTimeOffset.Parse(fetched.Text("createdAt"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(fetched.Text("createdAt"), fetched.Text("updatedAt"));
    }

    [Fact]
    public async Task Create_stores_every_field_as_sent()
    {
        var body = PlanBody(UniqueNumber(), year: 2025, issuedOn: "2024-12-31");
        var plan = await _client.GetJsonAsync($"{PlansUrl}/{(await _client.CreatePlanAsync(body)).Text("id")}");

        Assert.Equal("KH", plan.Text("documentType"));
        Assert.Equal("Cần Thơ", plan.Text("place"));
        Assert.Equal("2024-12-31", plan.Text("issuedOn"));
        Assert.Equal(2025, plan.Int("year"));
        Assert.Equal(body.Text("title"), plan.Text("title"));
        Assert.Equal(body.Text("preamble"), plan.Text("preamble"));
        Assert.Equal("ubnd-can-tho", plan["issuer"]!.Text("code"));
        var basis = plan["legalBases"]!.AsArray().Single()!;
        Assert.Equal("42/NQ-HĐND", basis.Text("number"));
        Assert.Equal("NQ", basis.Text("documentType"));
        Assert.Equal("2022-12-09", basis.Text("date"));
        Assert.Equal("Hội đồng nhân dân thành phố", basis.Text("issuerName"));
        Assert.Equal("hdnd-can-tho", basis.Text("issuerCode"));
        Assert.Equal(["a", "b"], plan["purposes"]!.AsArray().Select(p => p!.Text("label")));
        Assert.Equal("Nâng cao chất lượng công tác khen thưởng.", plan["purposes"]![1]!.Text("text"));
        Assert.Null(plan["requirements"]![0]!["label"]);
        Assert.Equal("Các cơ quan chủ động xây dựng kế hoạch.", plan["requirements"]![0]!.Text("text"));
        var duty = plan["duties"]!.AsArray().Single()!;
        Assert.Equal(1, duty.Int("ordinal"));
        Assert.Equal(["ban-tdkt-can-tho", "so-noi-vu-can-tho"], duty["agencyCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(["Văn phòng Chính phủ", "Ban TĐ-KT Trung ương", "Lưu: VT"], plan["recipients"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("TM.", plan["signature"]!.Text("authorityPrefix"));
        Assert.Equal("Ủy ban nhân dân", plan["signature"]!.Text("authorityBody"));
        Assert.Equal("Chủ tịch", plan["signature"]!.Text("position"));
        Assert.Equal("Trần Việt Trường", plan["signature"]!.Text("signer"));
    }

    [Fact]
    public async Task Create_with_only_required_fields_defaults_document_type_and_empty_lists()
    {
        var number = UniqueNumber();
        var body = new JsonObject
        {
            ["issuerCode"] = "ubnd-can-tho", ["number"] = number, ["issuedOn"] = "2023-01-05", ["year"] = 2037, ["title"] = "Kế hoạch tối thiểu",
        };
        var plan = await _client.CreatePlanAsync(body);
        Assert.Equal("KH", plan.Text("documentType"));
        Assert.Equal("draft", plan.Text("lifecycle"));
        Assert.Null(plan["place"]);
        Assert.Null(plan["signature"]);
        Assert.Empty(plan["legalBases"]!.AsArray());
        Assert.Empty(plan["recipients"]!.AsArray());
    }

    [Fact]
    public async Task Create_as_published_is_published()
    {
        var plan = await _client.CreatePlanAsync(PlanBody(UniqueNumber(), lifecycle: "published"));
        Assert.Equal("published", plan.Text("lifecycle"));
        Assert.Equal("published", (await _client.GetJsonAsync($"{PlansUrl}/{plan.Text("id")}")).Text("lifecycle"));
    }

    [Fact]
    public async Task Create_trims_title_and_removes_spaces_from_the_number()
    {
        var plan = await _client.CreatePlanAsync(PlanBody("77 / KH-UBND", year: 2035, title: "  Kế hoạch có khoảng trắng  "));
        Assert.Equal("77/KH-UBND", plan.Text("number"));
        Assert.Equal("Kế hoạch có khoảng trắng", plan.Text("title"));
    }

    [Fact]
    public async Task Create_duplicate_number_for_same_issuer_and_issue_year_is_409_and_writes_nothing()
    {
        var number = UniqueNumber();
        await _client.CreatePlanAsync(PlanBody(number, year: 2024, issuedOn: "2023-06-01"));
        var count = await PlanCountAsync();

        // Same issuer, same year of issue (the plan year differs), spacing differs: still the same number.
        var spaced = number.Replace("/", " /", StringComparison.Ordinal);
        var response = await _client.SendJsonAsync(HttpMethod.Post, PlansUrl,
            PlanBody(spaced, year: 2025, issuedOn: "2023-11-30", title: "Bản trùng số").ToJsonString());
        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(number, problem.Text("detail"));
        Assert.Equal(count, await PlanCountAsync());
        var withNumber = await _client.GetJsonAsync($"{PlansUrl}?q={Uri.EscapeDataString(number)}&limit=100");
        Assert.Equal(1, withNumber.Int("total"));
        Assert.DoesNotContain(withNumber["items"]!.AsArray(), p => p!.Text("title") == "Bản trùng số");
    }

    [Fact]
    public async Task Create_same_number_for_another_issuer_or_another_issue_year_is_allowed()
    {
        var number = UniqueNumber();
        await _client.CreatePlanAsync(PlanBody(number, issuedOn: "2023-06-01"));
        var otherIssuer = await _client.CreatePlanAsync(PlanBody(number, issuerCode: "cai-rang", issuedOn: "2023-06-01"));
        var otherYear = await _client.CreatePlanAsync(PlanBody(number, issuedOn: "2024-01-02", year: 2024));
        Assert.Equal(number, otherIssuer.Text("number"));
        Assert.Equal("cai-rang", otherIssuer["issuer"]!.Text("code"));
        Assert.Equal("2024-01-02", otherYear.Text("issuedOn"));
    }

    [Fact]
    public async Task Create_with_unknown_issuerCode_is_422_naming_issuerCode_and_writes_nothing()
    {
        var count = await PlanCountAsync();
        var response = await _client.SendJsonAsync(HttpMethod.Post, PlansUrl, PlanBody(UniqueNumber(), issuerCode: "ubnd-khong-co").ToJsonString());
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["issuerCode"], problem.ErrorFields());
        Assert.Contains("ubnd-khong-co", problem.Text("detail"));
        Assert.Equal(count, await PlanCountAsync());
    }

    [Fact]
    public async Task Create_with_unknown_agency_in_duties_is_422_naming_duties()
    {
        var count = await PlanCountAsync();
        var body = PlanBody(UniqueNumber());
        Set(body, "duties[0].agencyCodes", new JsonArray("ban-tdkt-can-tho", "so-khong-co"));
        var problem = await (await _client.SendJsonAsync(HttpMethod.Post, PlansUrl, body.ToJsonString())).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["duties"], problem.ErrorFields());
        Assert.Contains("so-khong-co", problem.Text("detail"));
        Assert.Equal(count, await PlanCountAsync());
    }

    [Fact]
    public async Task Create_as_closed_is_422_naming_lifecycle_and_writes_nothing()
    {
        var count = await PlanCountAsync();
        var number = UniqueNumber();
        var response = await _client.SendJsonAsync(HttpMethod.Post, PlansUrl, PlanBody(number, lifecycle: "closed").ToJsonString());
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["lifecycle"], problem.ErrorFields());
        Assert.Equal(count, await PlanCountAsync());
        Assert.Equal(0, (await _client.GetJsonAsync($"{PlansUrl}?q={Uri.EscapeDataString(number)}")).Int("total"));
    }

    // ---------- update ----------

    [Fact]
    public async Task Update_replaces_the_fields_and_answers_200_with_the_plan()
    {
        var id = await _client.CreatePlanIdAsync(PlanBody(UniqueNumber()));
        api.Clock.Advance(TimeSpan.FromMinutes(5));
        var number = UniqueNumber("KH-UBND-SUA");
        var body = PlanBody(number, year: 2026, issuedOn: "2024-02-02", title: "Kế hoạch đã sửa đổi");
        Set(body, "recipients", new JsonArray("Thành ủy"));
        Set(body, "signature.position", "Phó Chủ tịch");
        Set(body, "signature.authorityPrefix", "KT.");
        Set(body, "place", null);

        var updated = await _client.PutJsonAsync($"{PlansUrl}/{id}", body, HttpStatusCode.OK);
        Assert.Equal(id, updated.Text("id"));
        Assert.Equal(number, updated.Text("number"));
        Assert.Equal("Kế hoạch đã sửa đổi", updated.Text("title"));
        Assert.Equal(2026, updated.Int("year"));
        Assert.Equal("2024-02-02", updated.Text("issuedOn"));
        Assert.Null(updated["place"]);
        Assert.Equal(["Thành ủy"], updated["recipients"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("KT.", updated["signature"]!.Text("authorityPrefix"));
        Assert.Equal("Phó Chủ tịch", updated["signature"]!.Text("position"));
        Assert.Equal("draft", updated.Text("lifecycle"));
        Assert.Equal(api.Clock.GetUtcNow(), DateTimeOffset.Parse(updated.Text("updatedAt"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(DateTimeOffset.Parse(updated.Text("createdAt"), System.Globalization.CultureInfo.InvariantCulture) < api.Clock.GetUtcNow());

        var fetched = await _client.GetJsonAsync($"{PlansUrl}/{id}");
        Assert.Equal(updated.ToJsonString(), fetched.ToJsonString());
        // The plan is found by its new title and number, and no longer by its old year.
        Assert.Equal([number], Numbers(await _client.GetJsonAsync($"{PlansUrl}?year=2026&q=ke%20hoach%20da%20sua%20doi")));
        Assert.Equal([number], Numbers(await _client.GetJsonAsync($"{PlansUrl}?q={Uri.EscapeDataString(number)}")));
    }

    [Fact]
    public async Task Update_without_lifecycle_keeps_the_lifecycle()
    {
        var body = PlanBody(UniqueNumber(), lifecycle: "published");
        var id = await _client.CreatePlanIdAsync(body);
        Set(body, "lifecycle", null);
        Set(body, "title", "Giữ nguyên trạng thái");
        var updated = await _client.PutJsonAsync($"{PlansUrl}/{id}", body, HttpStatusCode.OK);
        Assert.Equal("published", updated.Text("lifecycle"));
        Assert.Equal("Giữ nguyên trạng thái", updated.Text("title"));
    }

    [Fact]
    public async Task Update_draft_to_published_is_200()
    {
        var body = PlanBody(UniqueNumber());
        var id = await _client.CreatePlanIdAsync(body);
        Set(body, "lifecycle", "published");
        var updated = await _client.PutJsonAsync($"{PlansUrl}/{id}", body, HttpStatusCode.OK);
        Assert.Equal("published", updated.Text("lifecycle"));
        Assert.Equal("published", (await _client.GetJsonAsync($"{PlansUrl}/{id}")).Text("lifecycle"));
    }

    [Fact]
    public async Task Update_published_to_draft_is_422_naming_lifecycle_and_changes_nothing()
    {
        var body = PlanBody(UniqueNumber(), lifecycle: "published");
        var id = await _client.CreatePlanIdAsync(body);
        var before = await _client.GetJsonAsync($"{PlansUrl}/{id}");
        Set(body, "lifecycle", "draft");
        Set(body, "title", "Không được lưu");
        var response = await _client.SendJsonAsync(HttpMethod.Put, $"{PlansUrl}/{id}", body.ToJsonString());
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["lifecycle"], problem.ErrorFields());
        Assert.Equal(before.ToJsonString(), (await _client.GetJsonAsync($"{PlansUrl}/{id}")).ToJsonString());
    }

    [Fact]
    public async Task Update_draft_to_closed_is_422()
    {
        var body = PlanBody(UniqueNumber());
        var id = await _client.CreatePlanIdAsync(body);
        Set(body, "lifecycle", "closed");
        var problem = await (await _client.SendJsonAsync(HttpMethod.Put, $"{PlansUrl}/{id}", body.ToJsonString()))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["lifecycle"], problem.ErrorFields());
        Assert.Equal("draft", (await _client.GetJsonAsync($"{PlansUrl}/{id}")).Text("lifecycle"));
    }

    [Fact]
    public async Task Update_published_to_closed_and_back_to_published_is_200_but_closed_to_draft_is_422()
    {
        var body = PlanBody(UniqueNumber(), lifecycle: "published");
        var id = await _client.CreatePlanIdAsync(body);
        Set(body, "lifecycle", "closed");
        Assert.Equal("closed", (await _client.PutJsonAsync($"{PlansUrl}/{id}", body, HttpStatusCode.OK)).Text("lifecycle"));
        Set(body, "lifecycle", "draft");
        await (await _client.SendJsonAsync(HttpMethod.Put, $"{PlansUrl}/{id}", body.ToJsonString())).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Set(body, "lifecycle", "published");
        Assert.Equal("published", (await _client.PutJsonAsync($"{PlansUrl}/{id}", body, HttpStatusCode.OK)).Text("lifecycle"));
    }

    [Fact]
    public async Task Update_unknown_plan_is_404_and_creates_nothing()
    {
        var count = await PlanCountAsync();
        var id = Guid.NewGuid();
        var response = await _client.SendJsonAsync(HttpMethod.Put, $"{PlansUrl}/{id}", PlanBody(UniqueNumber()).ToJsonString());
        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal($"Plan '{id}' does not exist.", problem.Text("detail"));
        Assert.Equal(count, await PlanCountAsync());
    }

    [Fact]
    public async Task Update_malformed_id_is_400_naming_planId()
    {
        var response = await _client.SendJsonAsync(HttpMethod.Put, $"{PlansUrl}/abc", PlanBody(UniqueNumber()).ToJsonString());
        var problem = await response.BadRequestAsync();
        Assert.Contains("planId", problem.ErrorFields());
        response.AssertProblemJson();
    }

    [Fact]
    public async Task Update_to_the_number_of_another_plan_of_the_issuer_and_year_is_409()
    {
        var taken = UniqueNumber();
        await _client.CreatePlanAsync(PlanBody(taken));
        var body = PlanBody(UniqueNumber());
        var id = await _client.CreatePlanIdAsync(body);
        var before = await _client.GetJsonAsync($"{PlansUrl}/{id}");
        Set(body, "number", taken);
        await (await _client.SendJsonAsync(HttpMethod.Put, $"{PlansUrl}/{id}", body.ToJsonString())).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before.ToJsonString(), (await _client.GetJsonAsync($"{PlansUrl}/{id}")).ToJsonString());
    }

    [Fact]
    public async Task Update_keeping_its_own_number_is_not_a_conflict()
    {
        var body = PlanBody(UniqueNumber());
        var id = await _client.CreatePlanIdAsync(body);
        Set(body, "title", "Cùng số, tiêu đề mới");
        Assert.Equal("Cùng số, tiêu đề mới", (await _client.PutJsonAsync($"{PlansUrl}/{id}", body, HttpStatusCode.OK)).Text("title"));
    }

    [Fact]
    public async Task Update_with_unknown_issuerCode_is_422_naming_issuerCode()
    {
        var body = PlanBody(UniqueNumber());
        var id = await _client.CreatePlanIdAsync(body);
        Set(body, "issuerCode", "ubnd-khong-co");
        var problem = await (await _client.SendJsonAsync(HttpMethod.Put, $"{PlansUrl}/{id}", body.ToJsonString()))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["issuerCode"], problem.ErrorFields());
        Assert.Equal("ubnd-can-tho", (await _client.GetJsonAsync($"{PlansUrl}/{id}"))["issuer"]!.Text("code"));
    }

    // ---------- delete ----------

    [Fact]
    public async Task Delete_draft_is_204_then_it_and_its_items_are_gone()
    {
        var id = await _client.CreatePlanIdAsync(PlanBody(UniqueNumber()));
        await _client.CreateItemAsync(id, ItemBody(1));
        await _client.CreateItemAsync(id, ItemBody(2));

        var response = await _client.DeleteAsync($"{PlansUrl}/{id}");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());

        await (await _client.GetAsync($"{PlansUrl}/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync($"{PlansUrl}/{id}/items")).ProblemAsync(HttpStatusCode.NotFound);
        await (await _client.DeleteAsync($"{PlansUrl}/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await using var db = api.NewDbContext();
        Assert.Equal(0, await db.PlanItems.CountAsync(i => i.PlanId == Guid.Parse(id)));
    }

    [Fact]
    public async Task Delete_the_published_seeded_plan_is_422_and_it_still_exists()
    {
        var id = await SeededPlan.IdAsync(_client);
        var problem = await (await _client.DeleteAsync($"{PlansUrl}/{id}")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("published", problem.Text("detail"));
        var plan = await _client.GetJsonAsync($"{PlansUrl}/{id}");
        Assert.Equal("244/KH-UBND", plan.Text("number"));
        Assert.Equal(32, plan.Int("itemCount"));
        Assert.Equal(32, (await _client.GetJsonAsync($"{PlansUrl}/{id}/items?limit=100")).Int("total"));
    }

    [Fact]
    public async Task Delete_a_closed_plan_is_422()
    {
        var body = PlanBody(UniqueNumber(), lifecycle: "published");
        var id = await _client.CreatePlanIdAsync(body);
        Set(body, "lifecycle", "closed");
        await _client.PutJsonAsync($"{PlansUrl}/{id}", body, HttpStatusCode.OK);
        var problem = await (await _client.DeleteAsync($"{PlansUrl}/{id}")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("closed", problem.Text("detail"));
        Assert.Equal("closed", (await _client.GetJsonAsync($"{PlansUrl}/{id}")).Text("lifecycle"));
    }

    [Fact]
    public async Task Delete_unknown_plan_is_404_and_malformed_id_is_400()
    {
        await (await _client.DeleteAsync($"{PlansUrl}/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        var answer = await _client.DeleteAsync($"{PlansUrl}/xyz");
        var problem = await answer.BadRequestAsync();
        Assert.Equal(["planId"], problem.ErrorFields());
        answer.AssertProblemJson();
    }

    // ---------- Vietnamese text ----------

    [Fact]
    public async Task Vietnamese_text_round_trips_exactly_and_is_sent_unescaped()
    {
        const string title = "Ủy ban nhân dân thành phố Cần Thơ – “Người tốt, việc tốt”: ĐẨY MẠNH thi đua; Quý IV, tháng 12/2023 (ỹ, ự, ở, ẵ)";
        var body = PlanBody(UniqueNumber(), title: title);
        Set(body, "recipients", new JsonArray("TT. HĐND và UBND quận, huyện", "Lưu: VT, HKlv"));
        Set(body, "signature.signer", "Nguyễn Thị Hồng Ánh");
        var id = (await _client.CreatePlanAsync(body)).Text("id");

        var response = await _client.GetAsync($"{PlansUrl}/{id}");
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains("Ủy ban nhân dân thành phố Cần Thơ", raw);
        var plan = JsonNode.Parse(raw)!;
        Assert.Equal(title, plan.Text("title"));
        Assert.Equal(["TT. HĐND và UBND quận, huyện", "Lưu: VT, HKlv"], plan["recipients"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("Nguyễn Thị Hồng Ánh", plan["signature"]!.Text("signer"));
    }

    [Fact]
    public async Task NFD_input_is_stored_and_returned_as_NFC()
    {
        var nfcTitle = "Thi đua yêu nước, khen thưởng kịp thời năm 2036";
        var nfdTitle = nfcTitle.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(nfcTitle, nfdTitle);
        var body = PlanBody(UniqueNumber(), year: 2036, title: nfdTitle);
        Set(body, "place", "Cần Thơ".Normalize(NormalizationForm.FormD));
        Set(body, "purposes[0].text", "Đẩy mạnh phong trào thi đua".Normalize(NormalizationForm.FormD));
        Set(body, "recipients", new JsonArray("Sở Nội vụ".Normalize(NormalizationForm.FormD)));
        Set(body, "signature.signer", "Trần Việt Trường".Normalize(NormalizationForm.FormD));

        var created = await _client.CreatePlanAsync(body);
        var plan = await _client.GetJsonAsync($"{PlansUrl}/{created.Text("id")}");
        Assert.Equal(nfcTitle, plan.Text("title"));
        Assert.Equal("Cần Thơ", plan.Text("place"));
        Assert.Equal("Đẩy mạnh phong trào thi đua", plan["purposes"]![0]!.Text("text"));
        Assert.Equal(["Sở Nội vụ"], plan["recipients"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("Trần Việt Trường", plan["signature"]!.Text("signer"));

        await using var db = api.NewDbContext();
        var stored = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == Guid.Parse(created.Text("id")));
        Assert.Equal(nfcTitle, stored.Title);
        Assert.True(stored.Title.IsNormalized(NormalizationForm.FormC));

        // Found by NFC and by NFD words alike.
        var q = Uri.EscapeDataString("thi đua yêu nước".Normalize(NormalizationForm.FormD));
        Assert.Equal(1, (await _client.GetJsonAsync($"{PlansUrl}?year=2036&q={q}")).Int("total"));
        Assert.Equal(1, (await _client.GetJsonAsync($"{PlansUrl}?year=2036&q=thi%20%C4%91ua")).Int("total"));
    }

    [Fact]
    public async Task A_number_sent_in_NFD_conflicts_with_the_same_number_in_NFC()
    {
        var nfc = $"{UniqueNumber("KH-")}Ủy";
        await _client.CreatePlanAsync(PlanBody(nfc));
        var response = await _client.SendJsonAsync(HttpMethod.Post, PlansUrl, PlanBody(nfc.Normalize(NormalizationForm.FormD)).ToJsonString());
        await response.ProblemAsync(HttpStatusCode.Conflict);
    }
}
