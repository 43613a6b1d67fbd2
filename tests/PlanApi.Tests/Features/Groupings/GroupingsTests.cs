using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Groupings;

/// <summary>
/// /api/v1/groupings: the seeded cụm of the 5 centrally-run cities, listing, creating and updating cụm and khối.
/// Groupings created here use years from 2030 on, one year per test, so the 2023 list stays as seeded.
/// </summary>
public sealed class GroupingsTests : IClassFixture<PlanApiFactory>
{
    private const string FiveCities = "cum-5-thanh-pho-truc-thuoc-trung-uong-2023";
    private static readonly string[] FiveCityMembers = ["ubnd-ha-noi", "ubnd-tp-ho-chi-minh", "ubnd-hai-phong", "ubnd-da-nang", "ubnd-can-tho"];

    private readonly PlanApiFactory _api;
    private readonly HttpClient _client;

    public GroupingsTests(PlanApiFactory api)
    {
        _api = api;
        _client = api.CreateClient();
    }

    private static string NewCode(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static List<string> Codes(JsonNode? array) => array!.AsArray().Select(a => a!["code"]!.GetValue<string>()).ToList();

    private async Task<JsonNode> CreateAsync(string code, int year, string[] members, string? head = null, string? deputy = null,
        string kind = "khoi", string name = "Khối thi đua các quận", string? description = null) =>
        await _client.PostJsonAsync("/api/v1/groupings",
            new { code, kind, name, year, description, memberCodes = members, headCode = head, deputyCode = deputy },
            HttpStatusCode.Created);

    [Fact]
    public async Task Year_2023_lists_the_seeded_cum_of_the_five_cities()
    {
        var page = await _client.GetJsonAsync("/api/v1/groupings?year=2023");

        Assert.Equal([FiveCities], Codes(page["items"]));
        Assert.Equal(1, page["total"]!.GetValue<int>());
        Assert.Null(page["next"]);
    }

    [Fact]
    public async Task Get_returns_the_five_cities_cum_headed_by_Da_Nang_with_members_in_order()
    {
        var g = await _client.GetJsonAsync($"/api/v1/groupings/{FiveCities}");

        Assert.Equal(FiveCities, g["code"]!.GetValue<string>());
        Assert.Equal("cum", g["kind"]!.GetValue<string>());
        Assert.Equal("Cụm thi đua 5 thành phố trực thuộc Trung ương", g["name"]!.GetValue<string>());
        Assert.Equal(2023, g["year"]!.GetValue<int>());
        Assert.StartsWith("Cụm thi đua của 5 thành phố trực thuộc Trung ương (Hà Nội, Thành phố Hồ Chí Minh",
            g["description"]!.GetValue<string>());
        Assert.Equal("ubnd-da-nang", g["head"]!["code"]!.GetValue<string>());
        Assert.Equal("Ủy ban nhân dân thành phố Đà Nẵng", g["head"]!["name"]!.GetValue<string>());
        Assert.Equal("UBND thành phố Đà Nẵng", g["head"]!["shortName"]!.GetValue<string>());
        Assert.Null(g["deputy"]);
        Assert.Equal(FiveCityMembers, Codes(g["members"]));
        Assert.Equal("Ủy ban nhân dân thành phố Cần Thơ", g["members"]![4]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_unknown_code_is_a_404_problem()
    {
        var problem = await (await _client.GetAsync("/api/v1/groupings/cum-khong-co")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Grouping 'cum-khong-co' does not exist.", problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("kind=cum&year=2023", new[] { FiveCities })]
    [InlineData("kind=khoi&year=2023", new string[0])]
    [InlineData("year=2022", new string[0])]
    [InlineData("member=ubnd-can-tho&year=2023", new[] { FiveCities })]
    [InlineData("member=ubnd-da-nang&year=2023", new[] { FiveCities })]
    [InlineData("member=ninh-kieu&year=2023", new string[0])]
    [InlineData("member=khong-co&year=2023", new string[0])]
    public async Task List_filters_by_year_kind_and_member(string query, string[] expected)
    {
        var page = await _client.GetJsonAsync($"/api/v1/groupings?{query}");
        Assert.Equal(expected, Codes(page["items"]));
        Assert.Equal(expected.Length, page["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_answers_201_with_the_grouping_and_a_Location_that_gets_it()
    {
        var code = NewCode("khoi-quan");
        var response = await _client.PostAsJsonAsync("/api/v1/groupings", new
        {
            code,
            kind = "khoi",
            name = "Khối thi đua các quận",
            year = 2030,
            description = "Năm quận của thành phố Cần Thơ",
            memberCodes = new[] { "ninh-kieu", "binh-thuy", "cai-rang", "o-mon", "thot-not" },
            headCode = "cai-rang",
            deputyCode = "ninh-kieu",
        });
        var created = await response.JsonAsync(HttpStatusCode.Created);

        Assert.Equal(code, created["code"]!.GetValue<string>());
        Assert.Equal("khoi", created["kind"]!.GetValue<string>());
        Assert.Equal("Khối thi đua các quận", created["name"]!.GetValue<string>());
        Assert.Equal(2030, created["year"]!.GetValue<int>());
        Assert.Equal("Năm quận của thành phố Cần Thơ", created["description"]!.GetValue<string>());
        Assert.Equal("cai-rang", created["head"]!["code"]!.GetValue<string>());
        Assert.Equal("Ủy ban nhân dân quận Cái Răng", created["head"]!["name"]!.GetValue<string>());
        Assert.Equal("ninh-kieu", created["deputy"]!["code"]!.GetValue<string>());
        Assert.Equal(["ninh-kieu", "binh-thuy", "cai-rang", "o-mon", "thot-not"], Codes(created["members"]));
        Assert.Equal(_api.Clock.GetUtcNow(), DateTimeOffset.Parse(created["createdAt"]!.GetValue<string>(), CultureInfo.InvariantCulture));

        var location = response.Headers.Location;
        Assert.NotNull(location);
        Assert.Equal($"/api/v1/groupings/{code}", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString);
        var fetched = await _client.GetJsonAsync(location.ToString());
        Assert.Equal(created.ToJsonString(), fetched.ToJsonString());
    }

    [Fact]
    public async Task Created_grouping_is_listed_by_year_kind_and_member()
    {
        var code = NewCode("cum-huyen");
        await CreateAsync(code, 2031, ["phong-dien", "thoi-lai", "co-do", "vinh-thanh"], head: "co-do", kind: "cum");

        Assert.Equal([code], Codes((await _client.GetJsonAsync("/api/v1/groupings?year=2031"))["items"]));
        Assert.Equal([code], Codes((await _client.GetJsonAsync("/api/v1/groupings?year=2031&kind=cum"))["items"]));
        Assert.Empty(Codes((await _client.GetJsonAsync("/api/v1/groupings?year=2031&kind=khoi"))["items"]));
        Assert.Equal([code], Codes((await _client.GetJsonAsync("/api/v1/groupings?year=2031&member=thoi-lai"))["items"]));
        Assert.Empty(Codes((await _client.GetJsonAsync("/api/v1/groupings?year=2031&member=ninh-kieu"))["items"]));
        Assert.Contains(code, Codes((await _client.GetJsonAsync("/api/v1/groupings?member=vinh-thanh&limit=100"))["items"]));
    }

    [Fact]
    public async Task List_orders_newest_year_first_then_cum_before_khoi_then_code_and_pages()
    {
        var khoi = NewCode("khoi-thu-tu");
        var cumB = "cum-thu-tu-b-" + Guid.NewGuid().ToString("N")[..6];
        var cumA = "cum-thu-tu-a-" + Guid.NewGuid().ToString("N")[..6];
        await CreateAsync(khoi, 2099, ["ninh-kieu"], kind: "khoi");
        await CreateAsync(cumB, 2099, ["ninh-kieu"], kind: "cum");
        await CreateAsync(cumA, 2099, ["ninh-kieu"], kind: "cum");

        var first = await _client.GetJsonAsync("/api/v1/groupings?member=ninh-kieu&year=2099&limit=2");
        Assert.Equal([cumA, cumB], Codes(first["items"]));
        Assert.Equal(3, first["total"]!.GetValue<int>());
        var next = first["next"]!.GetValue<string>();
        Assert.Contains("member=ninh-kieu", next);
        Assert.Contains("year=2099", next);
        var second = await _client.GetJsonAsync(next);
        Assert.Equal([khoi], Codes(second["items"]));
        Assert.Null(second["next"]);

        var all = await _client.GetJsonAsync("/api/v1/groupings?limit=100");
        var years = all["items"]!.AsArray().Select(g => g!["year"]!.GetValue<int>()).ToList();
        Assert.Equal(years.OrderDescending(), years);
    }

    [Fact]
    public async Task Create_without_members_head_or_deputy_is_an_empty_grouping()
    {
        var code = NewCode("khoi-rong");
        var created = await CreateAsync(code, 2032, [], description: "   ");
        Assert.Empty(created["members"]!.AsArray());
        Assert.Null(created["head"]);
        Assert.Null(created["deputy"]);
        Assert.Null(created["description"]);
    }

    [Fact]
    public async Task Create_with_a_duplicate_code_is_a_409_problem_and_keeps_the_original()
    {
        var code = NewCode("khoi-trung");
        var original = await CreateAsync(code, 2033, ["ninh-kieu", "cai-rang"], head: "ninh-kieu");

        var problem = await (await _client.PostAsJsonAsync("/api/v1/groupings", new
        {
            code, kind = "cum", name = "Bản sao", year = 2034, memberCodes = new[] { "o-mon" }, headCode = "o-mon",
        })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains(code, problem["detail"]!.GetValue<string>());
        Assert.Equal(original.ToJsonString(), (await _client.GetJsonAsync($"/api/v1/groupings/{code}")).ToJsonString());
    }

    [Fact]
    public async Task Create_with_the_seeded_code_is_a_409_problem()
    {
        await (await _client.PostAsJsonAsync("/api/v1/groupings", new
        {
            code = FiveCities, kind = "cum", name = "Bản sao", year = 2023, memberCodes = new[] { "ubnd-can-tho" },
        })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(FiveCityMembers, Codes((await _client.GetJsonAsync($"/api/v1/groupings/{FiveCities}"))["members"]));
    }

    [Theory]
    [InlineData("headCode", "binh-thuy", null)]
    [InlineData("deputyCode", "ninh-kieu", "binh-thuy")]
    [InlineData("deputyCode", "ninh-kieu", "ninh-kieu")]
    [InlineData("headCode", "ubnd-can-tho", null)]
    public async Task Create_with_a_head_or_deputy_that_is_not_a_distinct_member_is_a_400_problem_naming_it(
        string field, string head, string? deputy)
    {
        var code = NewCode("khoi-vai-tro");
        var problem = await (await _client.PostAsJsonAsync("/api/v1/groupings", new
        {
            code, kind = "khoi", name = "Khối vai trò", year = 2035,
            memberCodes = new[] { "ninh-kieu", "cai-rang" }, headCode = head, deputyCode = deputy,
        })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([field], problem.ErrorFields());
        await (await _client.GetAsync($"/api/v1/groupings/{code}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_with_a_head_but_no_members_is_a_400_problem_naming_headCode()
    {
        var code = NewCode("khoi-truong");
        var problem = await (await _client.PostAsJsonAsync("/api/v1/groupings", new
        {
            code, kind = "khoi", name = "Khối không thành viên", year = 2035, headCode = "ninh-kieu",
        })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["headCode"], problem.ErrorFields());
        await (await _client.GetAsync($"/api/v1/groupings/{code}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_with_an_unknown_member_is_a_422_problem_naming_memberCodes_and_writes_nothing()
    {
        var code = NewCode("khoi-la");
        var problem = await (await _client.PostAsJsonAsync("/api/v1/groupings", new
        {
            code, kind = "khoi", name = "Khối có thành viên lạ", year = 2036,
            memberCodes = new[] { "ninh-kieu", "quan-khong-co", "cai-rang" }, headCode = "ninh-kieu",
        })).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["memberCodes"], problem.ErrorFields());
        Assert.Contains("quan-khong-co", problem["detail"]!.GetValue<string>());
        await (await _client.GetAsync($"/api/v1/groupings/{code}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(Codes((await _client.GetJsonAsync("/api/v1/groupings?year=2036"))["items"]));
    }

    [Fact]
    public async Task Create_with_a_member_listed_twice_is_a_400_problem_naming_memberCodes()
    {
        var code = NewCode("khoi-lap");
        var problem = await (await _client.PostAsJsonAsync("/api/v1/groupings", new
        {
            code, kind = "khoi", name = "Khối lặp", year = 2036, memberCodes = new[] { "ninh-kieu", "cai-rang", "ninh-kieu" },
        })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["memberCodes"], problem.ErrorFields());
        await (await _client.GetAsync($"/api/v1/groupings/{code}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_replaces_members_in_the_given_order_and_the_roles()
    {
        var code = NewCode("khoi-doi");
        var created = await CreateAsync(code, 2037, ["ninh-kieu", "binh-thuy", "cai-rang"], head: "ninh-kieu", deputy: "binh-thuy");
        _api.Clock.Advance(TimeSpan.FromDays(1));

        var updated = await _client.PutJsonAsync($"/api/v1/groupings/{code}", new
        {
            kind = "cum",
            name = "Cụm thi đua các quận (điều chỉnh)",
            year = 2038,
            description = "Điều chỉnh thành viên",
            memberCodes = new[] { "o-mon", "cai-rang", "thot-not", "ninh-kieu" },
            headCode = "o-mon",
            deputyCode = "cai-rang",
        }, HttpStatusCode.OK);

        Assert.Equal(code, updated["code"]!.GetValue<string>());
        Assert.Equal("cum", updated["kind"]!.GetValue<string>());
        Assert.Equal("Cụm thi đua các quận (điều chỉnh)", updated["name"]!.GetValue<string>());
        Assert.Equal(2038, updated["year"]!.GetValue<int>());
        Assert.Equal("Điều chỉnh thành viên", updated["description"]!.GetValue<string>());
        Assert.Equal(["o-mon", "cai-rang", "thot-not", "ninh-kieu"], Codes(updated["members"]));
        Assert.Equal("o-mon", updated["head"]!["code"]!.GetValue<string>());
        Assert.Equal("cai-rang", updated["deputy"]!["code"]!.GetValue<string>());
        Assert.Equal(created["createdAt"]!.GetValue<string>(), updated["createdAt"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse(created["createdAt"]!.GetValue<string>(), CultureInfo.InvariantCulture).AddDays(1),
            DateTimeOffset.Parse(updated["updatedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture));

        var fetched = await _client.GetJsonAsync($"/api/v1/groupings/{code}");
        Assert.Equal(updated.ToJsonString(), fetched.ToJsonString());
        Assert.Empty(Codes((await _client.GetJsonAsync($"/api/v1/groupings?year=2038&member=binh-thuy"))["items"]));
        Assert.Equal([code], Codes((await _client.GetJsonAsync($"/api/v1/groupings?year=2038&member=thot-not"))["items"]));
    }

    [Fact]
    public async Task Update_reordering_the_same_members_keeps_the_new_order()
    {
        var code = NewCode("khoi-sap");
        await CreateAsync(code, 2039, ["ninh-kieu", "binh-thuy", "cai-rang", "o-mon"], head: "ninh-kieu");

        var updated = await _client.PutJsonAsync($"/api/v1/groupings/{code}", new
        {
            kind = "khoi", name = "Khối thi đua các quận", year = 2039,
            memberCodes = new[] { "o-mon", "cai-rang", "binh-thuy", "ninh-kieu" }, headCode = "ninh-kieu",
        }, HttpStatusCode.OK);

        Assert.Equal(["o-mon", "cai-rang", "binh-thuy", "ninh-kieu"], Codes(updated["members"]));
        Assert.Equal(["o-mon", "cai-rang", "binh-thuy", "ninh-kieu"], Codes((await _client.GetJsonAsync($"/api/v1/groupings/{code}"))["members"]));
    }

    [Fact]
    public async Task Update_can_clear_the_head_and_deputy()
    {
        var code = NewCode("khoi-bo");
        await CreateAsync(code, 2040, ["ninh-kieu", "binh-thuy"], head: "ninh-kieu", deputy: "binh-thuy");

        var updated = await _client.PutJsonAsync($"/api/v1/groupings/{code}", new
        {
            kind = "khoi", name = "Khối thi đua các quận", year = 2040, memberCodes = new[] { "ninh-kieu", "binh-thuy" },
        }, HttpStatusCode.OK);

        Assert.Null(updated["head"]);
        Assert.Null(updated["deputy"]);
        Assert.Equal(["ninh-kieu", "binh-thuy"], Codes(updated["members"]));
    }

    [Fact]
    public async Task Update_removing_the_head_from_the_members_without_changing_the_head_is_a_400_problem_and_changes_nothing()
    {
        var code = NewCode("khoi-mat");
        var before = await CreateAsync(code, 2041, ["ninh-kieu", "binh-thuy", "cai-rang"], head: "ninh-kieu", deputy: "cai-rang");

        var problem = await (await _client.PutAsJsonAsync($"/api/v1/groupings/{code}", new
        {
            kind = "khoi", name = "Khối thi đua các quận", year = 2041,
            memberCodes = new[] { "binh-thuy", "cai-rang" }, headCode = "ninh-kieu", deputyCode = "cai-rang",
        })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["headCode"], problem.ErrorFields());
        Assert.Equal(before.ToJsonString(), (await _client.GetJsonAsync($"/api/v1/groupings/{code}")).ToJsonString());
    }

    [Fact]
    public async Task Update_making_the_deputy_the_head_too_is_a_400_problem_naming_deputyCode()
    {
        var code = NewCode("khoi-kiem");
        var before = await CreateAsync(code, 2041, ["ninh-kieu", "binh-thuy"], head: "ninh-kieu", deputy: "binh-thuy");

        var problem = await (await _client.PutAsJsonAsync($"/api/v1/groupings/{code}", new
        {
            kind = "khoi", name = "Khối thi đua các quận", year = 2041,
            memberCodes = new[] { "ninh-kieu", "binh-thuy" }, headCode = "binh-thuy", deputyCode = "binh-thuy",
        })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["deputyCode"], problem.ErrorFields());
        Assert.Equal(before.ToJsonString(), (await _client.GetJsonAsync($"/api/v1/groupings/{code}")).ToJsonString());
    }

    [Fact]
    public async Task Update_with_an_unknown_member_is_a_422_problem_naming_memberCodes_and_changes_nothing()
    {
        var code = NewCode("khoi-sua-la");
        var before = await CreateAsync(code, 2042, ["ninh-kieu", "binh-thuy"], head: "ninh-kieu");

        var problem = await (await _client.PutAsJsonAsync($"/api/v1/groupings/{code}", new
        {
            kind = "khoi", name = "Khối thi đua các quận", year = 2042,
            memberCodes = new[] { "ninh-kieu", "phuong-khong-co" }, headCode = "ninh-kieu",
        })).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["memberCodes"], problem.ErrorFields());
        Assert.Equal(before.ToJsonString(), (await _client.GetJsonAsync($"/api/v1/groupings/{code}")).ToJsonString());
    }

    [Fact]
    public async Task Update_cannot_change_the_code_a_code_in_the_body_is_refused()
    {
        var code = NewCode("khoi-giu");
        var other = NewCode("khoi-khac");
        await CreateAsync(code, 2043, ["ninh-kieu"]);
        var before = (await _client.GetJsonAsync($"/api/v1/groupings/{code}"))["name"]!.GetValue<string>();

        var problem = await (await _client.PutAsJsonAsync($"/api/v1/groupings/{code}", new
        {
            code = other, kind = "khoi", name = "Khối giữ mã", year = 2043, memberCodes = new[] { "ninh-kieu" },
        })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("code", problem.ErrorFields());
        Assert.Equal(before, (await _client.GetJsonAsync($"/api/v1/groupings/{code}"))["name"]!.GetValue<string>());
        await (await _client.GetAsync($"/api/v1/groupings/{other}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_of_an_unknown_grouping_is_a_404_problem_and_creates_nothing()
    {
        var code = NewCode("khoi-khong");
        var problem = await (await _client.PutAsJsonAsync($"/api/v1/groupings/{code}", new
        {
            kind = "khoi", name = "Không có", year = 2044, memberCodes = new[] { "ninh-kieu" },
        })).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal($"Grouping '{code}' does not exist.", problem["detail"]!.GetValue<string>());
        await (await _client.GetAsync($"/api/v1/groupings/{code}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(Codes((await _client.GetJsonAsync("/api/v1/groupings?year=2044"))["items"]));
    }

    [Fact]
    public async Task Vietnamese_text_round_trips_exactly_and_NFD_is_stored_as_NFC()
    {
        var code = NewCode("cum-tv");
        const string name = "Cụm thi đua các huyện – “Phong Điền, Thới Lai, Cờ Đỏ, Vĩnh Thạnh”";
        const string description = "Năm 2045: Đơn vị Cụm trưởng là huyện Cờ Đỏ; Cụm phó là huyện Vĩnh Thạnh (Kế hoạch số 244/KH-UBND, nhiệm vụ 8).";

        var response = await _client.PostAsJsonAsync("/api/v1/groupings", new
        {
            code, kind = "cum", year = 2045,
            name = name.Normalize(NormalizationForm.FormD),
            description = description.Normalize(NormalizationForm.FormD),
            memberCodes = new[] { "phong-dien", "thoi-lai", "co-do", "vinh-thanh" },
            headCode = "co-do", deputyCode = "vinh-thanh",
        });
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("Cụm thi đua các huyện", raw);

        var created = JsonNode.Parse(raw)!;
        Assert.Equal(name, created["name"]!.GetValue<string>());
        Assert.Equal(description, created["description"]!.GetValue<string>());
        Assert.Equal("Ủy ban nhân dân huyện Cờ Đỏ", created["head"]!["name"]!.GetValue<string>());

        var fetched = await _client.GetJsonAsync($"/api/v1/groupings/{code}");
        Assert.Equal(name, fetched["name"]!.GetValue<string>());
        Assert.Equal(description, fetched["description"]!.GetValue<string>());
        Assert.True(fetched["name"]!.GetValue<string>().IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("year=1999", "year")]
    [InlineData("year=2101", "year")]
    [InlineData("year=abc", "year")]
    [InlineData("kind=bogus", "kind")]
    [InlineData("kind=Cum", "kind")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("member=ninh%00kieu", "member")]
    public async Task Invalid_list_filters_are_a_400_problem_naming_the_parameter(string query, string field)
    {
        var problem = await (await _client.GetAsync($"/api/v1/groupings?{query}")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.ErrorFields());
    }

    [Fact]
    public async Task Member_filter_over_100_characters_is_a_400_problem_naming_member()
    {
        var problem = await (await _client.GetAsync($"/api/v1/groupings?member={new string('m', 101)}")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["member"], problem.ErrorFields());
    }
}
