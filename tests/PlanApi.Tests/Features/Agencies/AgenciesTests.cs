using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Agencies;

/// <summary>GET, POST and PUT /api/v1/agencies/{code}: reading, registering and updating agencies.</summary>
public sealed class AgenciesTests : IClassFixture<PlanApiFactory>
{

    private readonly PlanApiFactory _api;
    private readonly HttpClient _client;

    public AgenciesTests(PlanApiFactory api)
    {
        _api = api;
        _client = api.CreateClient();
    }

    private static string NewCode(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private async Task<JsonNode> CreateAsync(string code, string name = "Phòng Thử nghiệm", string kind = "department",
        string? parentCode = null, string[]? aliases = null, string? shortName = null) =>
        await _client.PostJsonAsync("/api/v1/agencies",
            new { code, name, shortName, aliases, kind, parentCode }, HttpStatusCode.Created);

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(a => a!.GetValue<string>()).ToList();

    [Fact]
    public async Task Get_by_code_returns_the_seeded_agency()
    {
        var agency = await _client.GetJsonAsync("/api/v1/agencies/so-gddt-can-tho");

        Assert.Equal("so-gddt-can-tho", agency["code"]!.GetValue<string>());
        Assert.Equal("Sở Giáo dục và Đào tạo thành phố Cần Thơ", agency["name"]!.GetValue<string>());
        Assert.Equal("Sở Giáo dục và Đào tạo", agency["shortName"]!.GetValue<string>());
        Assert.Equal(["Sở Giáo dục và Đào tạo"], Strings(agency["aliases"]));
        Assert.Equal("department", agency["kind"]!.GetValue<string>());
        Assert.Null(agency["parentCode"]);
    }

    [Fact]
    public async Task Get_returns_the_parent_code_of_a_board()
    {
        var agency = await _client.GetJsonAsync("/api/v1/agencies/ban-tuyen-giao-thanh-uy-can-tho");
        Assert.Equal("thanh-uy-can-tho", agency["parentCode"]!.GetValue<string>());
        Assert.Equal("party_body", agency["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_unknown_code_is_a_404_problem()
    {
        var problem = await (await _client.GetAsync("/api/v1/agencies/so-khong-co")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Agency 'so-khong-co' does not exist.", problem["detail"]!.GetValue<string>());
        Assert.Equal("/api/v1/agencies/so-khong-co", problem["instance"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_answers_201_with_the_agency_and_a_Location_that_gets_it()
    {
        var code = NewCode("so-xd");
        var response = await _client.PostAsJsonAsync("/api/v1/agencies", new
        {
            code,
            name = "Sở Xây dựng thành phố Cần Thơ",
            shortName = "Sở Xây dựng",
            aliases = new[] { "Sở XD", "Sở Xây dựng thành phố" },
            kind = "department",
            parentCode = (string?)null,
        });
        var created = await response.JsonAsync(HttpStatusCode.Created);

        Assert.Equal(code, created["code"]!.GetValue<string>());
        Assert.Equal("Sở Xây dựng thành phố Cần Thơ", created["name"]!.GetValue<string>());
        Assert.Equal("Sở Xây dựng", created["shortName"]!.GetValue<string>());
        Assert.Equal(["Sở XD", "Sở Xây dựng thành phố"], Strings(created["aliases"]));
        Assert.Equal("department", created["kind"]!.GetValue<string>());
        Assert.Null(created["parentCode"]);
        Assert.Equal(_api.Clock.GetUtcNow(), DateTimeOffset.Parse(created["createdAt"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        Assert.Equal(_api.Clock.GetUtcNow(), DateTimeOffset.Parse(created["updatedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture));

        var location = response.Headers.Location;
        Assert.NotNull(location);
        Assert.Equal($"/api/v1/agencies/{code}", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString);
        var fetched = await _client.GetJsonAsync(location.ToString());
        Assert.Equal(created.ToJsonString(), fetched.ToJsonString());
    }

    [Fact]
    public async Task Created_agency_is_listed_and_found_by_search()
    {
        var code = NewCode("so-ct");
        await CreateAsync(code, "Sở Công Thương thành phố Cần Thơ", aliases: ["Sở Công Thương"]);

        var search = await _client.GetJsonAsync($"/api/v1/agencies?q={Uri.EscapeDataString("so cong thuong")}");
        Assert.Equal([code], search["items"]!.AsArray().Select(a => a!["code"]!.GetValue<string>()));
        var departments = await _client.GetJsonAsync("/api/v1/agencies?kind=department&limit=100");
        Assert.Contains(code, departments["items"]!.AsArray().Select(a => a!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Create_with_an_existing_parent_returns_its_code()
    {
        var code = NewCode("phong-tdkt");
        var created = await CreateAsync(code, "Phòng Thi đua - Khen thưởng", parentCode: "so-noi-vu-can-tho");
        Assert.Equal("so-noi-vu-can-tho", created["parentCode"]!.GetValue<string>());
        Assert.Equal("so-noi-vu-can-tho", (await _client.GetJsonAsync($"/api/v1/agencies/{code}"))["parentCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_trims_names_drops_a_blank_short_name_and_deduplicates_aliases()
    {
        var code = NewCode("so-tc");
        var created = await _client.PostJsonAsync("/api/v1/agencies", new
        {
            code,
            name = "  Sở Tài chính thành phố Cần Thơ  ",
            shortName = "   ",
            aliases = new[]
            {
                "Sở Tài chính", "sở tài chính", "  Sở Tài chính  ", "SỞ TÀI CHÍNH",
                "Sở Tài chính".Normalize(NormalizationForm.FormD), "STC", "stc",
            },
            kind = "department",
        }, HttpStatusCode.Created);

        Assert.Equal("Sở Tài chính thành phố Cần Thơ", created["name"]!.GetValue<string>());
        Assert.Null(created["shortName"]);
        Assert.Equal(["Sở Tài chính", "STC"], Strings(created["aliases"]));
        Assert.Equal(["Sở Tài chính", "STC"], Strings((await _client.GetJsonAsync($"/api/v1/agencies/{code}"))["aliases"]));
    }

    [Fact]
    public async Task Create_without_aliases_stores_an_empty_list()
    {
        var code = NewCode("to-x");
        var created = await CreateAsync(code, aliases: null);
        Assert.Empty(created["aliases"]!.AsArray());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(100)]
    public async Task Create_accepts_codes_of_2_and_100_characters(int length)
    {
        var code = ("z" + Guid.NewGuid().ToString("N") + new string('9', 100))[..length];
        var created = await CreateAsync(code);
        Assert.Equal(code, created["code"]!.GetValue<string>());
        Assert.Equal(code, (await _client.GetJsonAsync($"/api/v1/agencies/{code}"))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_accepts_the_documented_maximum_of_50_aliases_of_500_characters()
    {
        // The validator allows up to 50 aliases of up to 500 characters each (Limits.Aliases, Limits.Name).
        var code = NewCode("nhieu-bi-danh");
        var aliases = Enumerable.Range(1, 50)
            .Select(i => ($"Bí danh số {i:00} của đơn vị thử nghiệm " + new string('ạ', 500))[..500]).ToArray();

        var created = await CreateAsync(code, "Đơn vị có nhiều bí danh", aliases: aliases);

        Assert.Equal(aliases, Strings(created["aliases"]));
    }

    [Fact]
    public async Task Create_with_a_duplicate_code_is_a_409_problem_and_keeps_the_original()
    {
        var code = NewCode("trung");
        await CreateAsync(code, "Bản gốc");

        var problem = await (await _client.PostAsJsonAsync("/api/v1/agencies",
            new { code, name = "Bản sao", kind = "district" })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains(code, problem["detail"]!.GetValue<string>());
        var stored = await _client.GetJsonAsync($"/api/v1/agencies/{code}");
        Assert.Equal("Bản gốc", stored["name"]!.GetValue<string>());
        Assert.Equal("department", stored["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_with_a_seeded_code_is_a_409_problem()
    {
        await (await _client.PostAsJsonAsync("/api/v1/agencies",
            new { code = "ninh-kieu", name = "Quận mới", kind = "district" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Ủy ban nhân dân quận Ninh Kiều", (await _client.GetJsonAsync("/api/v1/agencies/ninh-kieu"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_with_an_unknown_parent_is_a_422_problem_naming_parentCode_and_writes_nothing()
    {
        var code = NewCode("mo-coi");
        var problem = await (await _client.PostAsJsonAsync("/api/v1/agencies",
            new { code, name = "Đơn vị mồ côi", kind = "department", parentCode = "so-khong-ton-tai" }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["parentCode"], problem.ErrorFields());
        Assert.Contains("so-khong-ton-tai", problem["detail"]!.GetValue<string>());
        await (await _client.GetAsync($"/api/v1/agencies/{code}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_as_its_own_parent_is_a_422_problem_naming_parentCode_and_writes_nothing()
    {
        var code = NewCode("tu-than");
        var problem = await (await _client.PostAsJsonAsync("/api/v1/agencies",
            new { code, name = "Tự thân", kind = "department", parentCode = code }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["parentCode"], problem.ErrorFields());
        await (await _client.GetAsync($"/api/v1/agencies/{code}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("Bad_Code")]
    [InlineData("UPPER")]
    [InlineData("Ninh-Kieu")]
    [InlineData("so--gddt")]
    [InlineData("-so-gddt")]
    [InlineData("so-gddt-")]
    [InlineData("so gddt")]
    [InlineData("so.gddt")]
    [InlineData("sở-gddt")]
    [InlineData("a")]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Create_with_a_malformed_code_is_a_400_problem_naming_code_and_writes_nothing(string code)
    {
        var before = (await _client.GetJsonAsync("/api/v1/agencies?limit=1"))["total"]!.GetValue<int>();

        var problem = await (await _client.PostAsJsonAsync("/api/v1/agencies",
            new { code, name = "Mã sai", kind = "department" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["code"], problem.ErrorFields());
        Assert.Equal(before, (await _client.GetJsonAsync("/api/v1/agencies?limit=1"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_with_a_101_character_code_is_a_400_problem_naming_code()
    {
        var code = new string('x', 101);
        var problem = await (await _client.PostAsJsonAsync("/api/v1/agencies",
            new { code, name = "Mã dài", kind = "department" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["code"], problem.ErrorFields());
        await (await _client.GetAsync($"/api/v1/agencies/{code}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_replaces_the_fields_keeps_createdAt_and_moves_updatedAt()
    {
        var code = NewCode("doi-ten");
        var created = await CreateAsync(code, "Tên cũ", "department", aliases: ["Bí danh cũ"], shortName: "Cũ");
        _api.Clock.Advance(TimeSpan.FromHours(2));

        var updated = await _client.PutJsonAsync($"/api/v1/agencies/{code}", new
        {
            name = "Tên mới",
            shortName = "Mới",
            aliases = new[] { "Bí danh mới 1", "Bí danh mới 2" },
            kind = "council",
            parentCode = "ubnd-can-tho",
        }, HttpStatusCode.OK);

        Assert.Equal(code, updated["code"]!.GetValue<string>());
        Assert.Equal("Tên mới", updated["name"]!.GetValue<string>());
        Assert.Equal("Mới", updated["shortName"]!.GetValue<string>());
        Assert.Equal(["Bí danh mới 1", "Bí danh mới 2"], Strings(updated["aliases"]));
        Assert.Equal("council", updated["kind"]!.GetValue<string>());
        Assert.Equal("ubnd-can-tho", updated["parentCode"]!.GetValue<string>());
        var createdAt = DateTimeOffset.Parse(created["createdAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.Equal(createdAt, DateTimeOffset.Parse(updated["createdAt"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        Assert.Equal(createdAt.AddHours(2), DateTimeOffset.Parse(updated["updatedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture));

        var fetched = await _client.GetJsonAsync($"/api/v1/agencies/{code}");
        Assert.Equal(updated.ToJsonString(), fetched.ToJsonString());
    }

    [Fact]
    public async Task A_rename_keeps_the_old_name_as_a_former_name_that_search_still_finds()
    {
        var code = NewCode("tim-lai");
        await CreateAsync(code, "Trung tâm Khuyến nông");
        var renamed = await _client.PutJsonAsync($"/api/v1/agencies/{code}",
            new { name = "Trung tâm Dịch vụ Nông nghiệp", kind = "department" }, HttpStatusCode.OK);

        Assert.Equal(["Trung tâm Khuyến nông"], renamed["formerNames"]!.AsArray().Select(n => n!.GetValue<string>()));
        var oldName = await _client.GetJsonAsync($"/api/v1/agencies?q={Uri.EscapeDataString("khuyen nong")}");
        var newName = await _client.GetJsonAsync($"/api/v1/agencies?q={Uri.EscapeDataString("dich vu nong nghiep")}");
        Assert.Equal([code], oldName["items"]!.AsArray().Select(a => a!["code"]!.GetValue<string>()));
        Assert.Equal([code], newName["items"]!.AsArray().Select(a => a!["code"]!.GetValue<string>()));
        Assert.Equal("Trung tâm Dịch vụ Nông nghiệp", newName["items"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_cannot_change_the_code_a_code_in_the_body_is_refused()
    {
        var code = NewCode("giu-ma");
        var other = NewCode("ma-khac");
        await CreateAsync(code, "Giữ mã");

        var problem = await (await _client.PutAsJsonAsync($"/api/v1/agencies/{code}",
            new { code = other, name = "Giữ mã (đã sửa)", kind = "department" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("code", problem.ErrorFields());
        Assert.Equal("Giữ mã", (await _client.GetJsonAsync($"/api/v1/agencies/{code}"))["name"]!.GetValue<string>());
        await (await _client.GetAsync($"/api/v1/agencies/{other}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_with_a_null_parent_detaches_the_agency()
    {
        var code = NewCode("tach");
        await CreateAsync(code, "Tách ra", parentCode: "so-noi-vu-can-tho");

        var updated = await _client.PutJsonAsync($"/api/v1/agencies/{code}",
            new { name = "Tách ra", kind = "department", parentCode = (string?)null }, HttpStatusCode.OK);

        Assert.Null(updated["parentCode"]);
        Assert.Null((await _client.GetJsonAsync($"/api/v1/agencies/{code}"))["parentCode"]);
    }

    [Fact]
    public async Task Update_that_would_make_a_parent_cycle_is_a_422_problem_and_changes_nothing()
    {
        var a = NewCode("cap-a");
        var b = NewCode("cap-b");
        var c = NewCode("cap-c");
        await CreateAsync(a, "Cấp A");
        await CreateAsync(b, "Cấp B", parentCode: a);
        await CreateAsync(c, "Cấp C", parentCode: b);
        var before = await _client.GetJsonAsync($"/api/v1/agencies/{a}");

        foreach (var descendant in new[] { b, c })
        {
            var problem = await (await _client.PutAsJsonAsync($"/api/v1/agencies/{a}",
                new { name = "Cấp A (vòng)", kind = "department", parentCode = descendant }))
                .ProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["parentCode"], problem.ErrorFields());
        }

        Assert.Equal(before.ToJsonString(), (await _client.GetJsonAsync($"/api/v1/agencies/{a}")).ToJsonString());
    }

    [Fact]
    public async Task Update_can_move_an_agency_under_a_sibling_branch()
    {
        var root = NewCode("goc");
        var left = NewCode("trai");
        var right = NewCode("phai");
        await CreateAsync(root, "Gốc");
        await CreateAsync(left, "Trái", parentCode: root);
        await CreateAsync(right, "Phải", parentCode: root);

        var moved = await _client.PutJsonAsync($"/api/v1/agencies/{right}",
            new { name = "Phải", kind = "department", parentCode = left }, HttpStatusCode.OK);

        Assert.Equal(left, moved["parentCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_as_its_own_parent_is_a_422_problem_and_changes_nothing()
    {
        var code = NewCode("tu-cha");
        var before = await CreateAsync(code, "Tự làm cha");

        var problem = await (await _client.PutAsJsonAsync($"/api/v1/agencies/{code}",
            new { name = "Tự làm cha (sửa)", kind = "department", parentCode = code }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["parentCode"], problem.ErrorFields());
        Assert.Equal(before.ToJsonString(), (await _client.GetJsonAsync($"/api/v1/agencies/{code}")).ToJsonString());
    }

    [Fact]
    public async Task Update_with_an_unknown_parent_is_a_422_problem_and_changes_nothing()
    {
        var code = NewCode("cha-la");
        var before = await CreateAsync(code, "Cha lạ");

        var problem = await (await _client.PutAsJsonAsync($"/api/v1/agencies/{code}",
            new { name = "Cha lạ (sửa)", kind = "department", parentCode = "khong-co-cha" }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["parentCode"], problem.ErrorFields());
        Assert.Equal(before.ToJsonString(), (await _client.GetJsonAsync($"/api/v1/agencies/{code}")).ToJsonString());
    }

    [Fact]
    public async Task Update_of_an_unknown_agency_is_a_404_problem_and_creates_nothing()
    {
        var code = NewCode("khong-co");
        var problem = await (await _client.PutAsJsonAsync($"/api/v1/agencies/{code}",
            new { name = "Không có", kind = "department" })).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal($"Agency '{code}' does not exist.", problem["detail"]!.GetValue<string>());
        await (await _client.GetAsync($"/api/v1/agencies/{code}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Vietnamese_text_round_trips_exactly_and_unescaped()
    {
        var code = NewCode("tieng-viet");
        const string name = "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Vĩnh Thạnh – “Ban Thường trực” (thử nghiệm…)";
        const string shortName = "Ủy ban MTTQ VN huyện Vĩnh Thạnh";
        string[] aliases = ["MTTQ huyện Vĩnh Thạnh", "Mặt trận Tổ quốc Việt Nam huyện Vĩnh Thạnh", "Đ/c Trưởng ban: Nguyễn Thị Ửng"];

        var response = await _client.PostAsJsonAsync("/api/v1/agencies",
            new { code, name, shortName, aliases, kind = "mass_organisation" });
        var raw = await response.Content.ReadAsStringAsync();
        var created = JsonNode.Parse(raw)!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("Ủy ban Mặt trận Tổ quốc Việt Nam huyện Vĩnh Thạnh", raw);
        Assert.Equal(name, created["name"]!.GetValue<string>());
        Assert.Equal(shortName, created["shortName"]!.GetValue<string>());
        Assert.Equal(aliases, Strings(created["aliases"]));

        var fetched = await _client.GetJsonAsync($"/api/v1/agencies/{code}");
        Assert.Equal(name, fetched["name"]!.GetValue<string>());
        Assert.Equal(shortName, fetched["shortName"]!.GetValue<string>());
        Assert.Equal(aliases, Strings(fetched["aliases"]));
    }

    [Fact]
    public async Task NFD_input_is_stored_and_returned_as_NFC()
    {
        var code = NewCode("nfd");
        const string name = "Ủy ban nhân dân phường Xuân Khánh";
        const string shortName = "Phường Xuân Khánh";
        const string alias = "UBND phường Xuân Khánh";
        var nfdName = name.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(name, nfdName);

        var created = await CreateAsync(code, nfdName, "district",
            aliases: [alias.Normalize(NormalizationForm.FormD), alias], shortName: shortName.Normalize(NormalizationForm.FormD));

        Assert.Equal(name, created["name"]!.GetValue<string>());
        Assert.Equal(shortName, created["shortName"]!.GetValue<string>());
        Assert.Equal([alias], Strings(created["aliases"]));
        var fetched = await _client.GetJsonAsync($"/api/v1/agencies/{code}");
        Assert.Equal(name, fetched["name"]!.GetValue<string>());
        Assert.True(fetched["name"]!.GetValue<string>().IsNormalized(NormalizationForm.FormC));
        Assert.Equal([alias], Strings(fetched["aliases"]));

        var found = await _client.GetJsonAsync($"/api/v1/agencies?q={Uri.EscapeDataString("Xuân Khánh")}");
        Assert.Equal([code], found["items"]!.AsArray().Select(a => a!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task NFD_input_to_update_is_stored_as_NFC()
    {
        var code = NewCode("nfd-sua");
        await CreateAsync(code, "Tạm");
        const string name = "Trung tâm Văn hóa - Thể thao quận Ô Môn";

        var updated = await _client.PutJsonAsync($"/api/v1/agencies/{code}",
            new { name = name.Normalize(NormalizationForm.FormD), kind = "department" }, HttpStatusCode.OK);

        Assert.Equal(name, updated["name"]!.GetValue<string>());
        Assert.Equal(name, (await _client.GetJsonAsync($"/api/v1/agencies/{code}"))["name"]!.GetValue<string>());
    }
}
