using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Agencies;

/// <summary>Agencies belong to a jurisdiction and live in time: the seeded reorganisation, the filters and the writes.</summary>
public sealed class AgencyJurisdictionTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    private static List<string> Codes(JsonNode page) => page["items"]!.AsArray().Select(a => a!["code"]!.GetValue<string>()).ToList();

    private static List<string> Codes(JsonNode agency, string list) => agency[list]!.AsArray().Select(a => a!["code"]!.GetValue<string>()).ToList();

    private async Task<List<string>> AllCodesAsync(string query)
    {
        var codes = new List<string>();
        for (var url = $"/api/v1/agencies?limit=100&{query}"; ;)
        {
            var page = await _client.GetJsonAsync(url);
            codes.AddRange(Codes(page));
            if (page["next"] is not { } next) return codes;
            url = next.GetValue<string>();
        }
    }

    private static string NewCode(string stem) => $"{stem}-{Guid.NewGuid():N}"[..Math.Min(60, stem.Length + 33)];

    [Fact]
    public async Task A_department_of_Can_Tho_has_the_city_as_its_jurisdiction_as_it_is_on_the_day_read()
    {
        api.SetToday(new DateOnly(2023, 3, 15));
        var before = await _client.GetJsonAsync("/api/v1/agencies/so-gddt-can-tho");
        Assert.Equal("92", before["jurisdictionCode"]!.GetValue<string>());
        Assert.Equal("Thành phố Cần Thơ", before["jurisdiction"]!["fullName"]!.GetValue<string>());
        Assert.Equal("province", before["jurisdiction"]!["level"]!.GetValue<string>());
        Assert.Equal("2025-06-30", before["jurisdiction"]!["validUntil"]!.GetValue<string>());
        Assert.True(before["active"]!.GetValue<bool>());

        api.SetToday(new DateOnly(2026, 1, 15));
        var after = await _client.GetJsonAsync("/api/v1/agencies/so-gddt-can-tho");
        Assert.Equal("2025-07-01", after["jurisdiction"]!["validFrom"]!.GetValue<string>());
        Assert.Null(after["jurisdiction"]!["validUntil"]);
    }

    [Fact]
    public async Task Central_bodies_have_no_jurisdiction()
    {
        var board = await _client.GetJsonAsync("/api/v1/agencies/ban-tdkt-trung-uong");
        Assert.Null(board["jurisdictionCode"]);
        Assert.Null(board["jurisdiction"]);
        Assert.Equal(["ban-tdkt-trung-uong", "chinh-phu", "hd-tdkt-trung-uong", "quoc-hoi", "thu-tuong-chinh-phu", "van-phong-chinh-phu"],
            (await AllCodesAsync("jurisdiction=none")).Where(c => !c.StartsWith("test-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Ninh_Kieu_district_ended_on_30_June_2025_and_the_wards_that_took_its_communes_succeed_it()
    {
        api.SetToday(new DateOnly(2026, 1, 15));
        var district = await _client.GetJsonAsync("/api/v1/agencies/ninh-kieu");

        Assert.Equal("2025-06-30", district["validUntil"]!.GetValue<string>());
        Assert.False(district["active"]!.GetValue<bool>());
        Assert.Equal("Quận Ninh Kiều", district["jurisdiction"]!["fullName"]!.GetValue<string>());
        Assert.Equal(["ubnd-phuong-an-binh-can-tho", "ubnd-phuong-cai-khe-can-tho", "ubnd-phuong-ninh-kieu-can-tho", "ubnd-phuong-tan-an-can-tho"],
            Codes(district, "successors"));
        Assert.All(district["successors"]!.AsArray(), s =>
        {
            Assert.Equal("split_among", s!["kind"]!.GetValue<string>());
            Assert.Equal("2025-07-01", s["effectiveOn"]!.GetValue<string>());
        });

        var ward = await _client.GetJsonAsync("/api/v1/agencies/ubnd-phuong-ninh-kieu-can-tho");
        Assert.Equal("Ủy ban nhân dân phường Ninh Kiều", ward["name"]!.GetValue<string>());
        Assert.Equal("31135", ward["jurisdictionCode"]!.GetValue<string>());
        Assert.Equal("Phường Ninh Kiều", ward["jurisdiction"]!["fullName"]!.GetValue<string>());
        Assert.Equal("2025-07-01", ward["validFrom"]!.GetValue<string>());
        Assert.Equal(["ninh-kieu"], Codes(ward, "predecessors"));
    }

    [Fact]
    public async Task Hau_Giang_and_Soc_Trang_merged_into_Can_Tho()
    {
        var canTho = await _client.GetJsonAsync("/api/v1/agencies/ubnd-can-tho");
        Assert.Equal(["ubnd-hau-giang", "ubnd-soc-trang"], Codes(canTho, "predecessors"));
        Assert.Null(canTho["validUntil"]);
        foreach (var code in new[] { "ubnd-hau-giang", "ubnd-soc-trang" })
        {
            var province = await _client.GetJsonAsync($"/api/v1/agencies/{code}");
            Assert.Equal("2025-06-30", province["validUntil"]!.GetValue<string>());
            Assert.Equal("merged_into", province["successors"]![0]!["kind"]!.GetValue<string>());
            Assert.Equal(["ubnd-can-tho"], Codes(province, "successors"));
        }
    }

    [Fact]
    public async Task The_103_wards_and_communes_exist_from_1_July_2025_and_the_nine_districts_until_the_day_before()
    {
        var onJuly1 = await AllCodesAsync("jurisdiction=92&asOf=2025-07-01&kind=government");
        var onJune30 = await AllCodesAsync("jurisdiction=92&asOf=2025-06-30");

        Assert.Equal(104, onJuly1.Count); // the city's People's Committee and the 103 wards' and communes'
        Assert.Contains("ubnd-phuong-ninh-kieu-can-tho", onJuly1);
        Assert.DoesNotContain("ubnd-phuong-ninh-kieu-can-tho", onJune30);
        Assert.Contains("ninh-kieu", onJune30);
        Assert.DoesNotContain("ninh-kieu", await AllCodesAsync("jurisdiction=92&asOf=2025-07-01"));
        Assert.Equal(["ninh-kieu"], await AllCodesAsync("jurisdiction=916"));
    }

    [Fact]
    public async Task Active_lists_the_agencies_that_exist_today_and_inactive_those_that_ended()
    {
        api.SetToday(new DateOnly(2026, 1, 15));
        var ended = await AllCodesAsync("active=false");
        Assert.Equal(["binh-thuy", "cai-rang", "co-do", "ninh-kieu", "o-mon", "phong-dien", "thoi-lai", "thot-not", "ubnd-hau-giang",
            "ubnd-soc-trang", "vinh-thanh"], ended.Where(c => !c.StartsWith("test-", StringComparison.Ordinal)));
        var active = await AllCodesAsync("active=true");
        Assert.Contains("ubnd-phuong-ninh-kieu-can-tho", active);
        Assert.Empty(active.Intersect(ended));

        api.SetToday(new DateOnly(2023, 3, 15));
        Assert.DoesNotContain("ubnd-phuong-ninh-kieu-can-tho", await AllCodesAsync("active=true"));
        Assert.Contains("ubnd-phuong-ninh-kieu-can-tho", await AllCodesAsync("active=false"));
    }

    [Theory]
    [InlineData("jurisdiction=abc", "jurisdiction")]
    [InlineData("jurisdiction=1234", "jurisdiction")]
    [InlineData("asOf=2025-13-01", "asOf")]
    [InlineData("active=perhaps", "active")]
    public async Task Bad_filters_are_a_400_naming_the_parameter(string query, string field)
    {
        var problem = await (await _client.GetAsync($"/api/v1/agencies?{query}")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.ErrorFields(), f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_new_agency_of_another_province_carries_its_jurisdiction_and_identifier_which_search_finds()
    {
        var code = NewCode("test-so-noi-vu-thai-binh");
        var identifier = $"000.00.{Random.Shared.Next(10, 99)}.T{Random.Shared.Next(10, 99)}";
        var created = await _client.PostJsonAsync("/api/v1/agencies", new
        {
            code, name = "Sở Nội vụ tỉnh Thái Bình", shortName = "Sở Nội vụ", kind = "department", jurisdictionCode = "34", identifierCode = identifier,
        }, HttpStatusCode.Created);

        Assert.Equal("34", created["jurisdictionCode"]!.GetValue<string>());
        Assert.Equal(identifier, created["identifierCode"]!.GetValue<string>());
        Assert.Equal([code], Codes(await _client.GetJsonAsync($"/api/v1/agencies?q={identifier}")));
        Assert.Contains(code, await AllCodesAsync("jurisdiction=34"));

        var taken = await (await _client.PostAsJsonAsync("/api/v1/agencies", new
        {
            code = NewCode("test-khac"), name = "Cơ quan khác", kind = "department", identifierCode = identifier,
        })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(code, taken["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("99999", null, "No administrative unit")]
    [InlineData("93", "2025-07-01", "does not exist while the agency does")]
    [InlineData("11948", "2024-01-01\" , \"validUntil\": \"2024-12-31", "does not exist while the agency does")]
    public async Task A_jurisdiction_that_does_not_exist_while_the_agency_does_is_a_422(string unit, string? validFrom, string message)
    {
        var from = validFrom is null ? "" : $", \"validFrom\": \"{validFrom}\"";
        var json = $$"""{"code": "{{NewCode("test-jur")}}", "name": "Cơ quan thử", "kind": "department", "jurisdictionCode": "{{unit}}"{{from}}}""";
        var problem = await (await _client.PostRawAsync("/api/v1/agencies", json)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["jurisdictionCode"], problem.ErrorFields());
        Assert.Contains(message, problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("\"identifierCode\": \"H13\"", "identifierCode")]
    [InlineData("\"jurisdictionCode\": \"9\"", "jurisdictionCode")]
    [InlineData("\"validFrom\": \"2025-07-01\", \"validUntil\": \"2025-06-30\"", "validUntil")]
    [InlineData("\"successors\": [{\"code\": \"ubnd-can-tho\", \"kind\": \"merged_into\"}]", "validUntil")]
    [InlineData("\"successors\": [{\"code\": \"ubnd-can-tho\", \"kind\": \"absorbed\"}], \"validUntil\": \"2025-06-30\"", "successors[0].kind")]
    public async Task Malformed_lifecycle_fields_are_a_400_naming_the_field(string fields, string field)
    {
        var json = $$"""{"code": "{{NewCode("test-bad")}}", "name": "Cơ quan thử", "kind": "department", {{fields}}}""";
        var problem = await (await _client.PostRawAsync("/api/v1/agencies", json)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.ErrorFields(), f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Ending_an_agency_names_successors_that_exist_the_next_day_and_both_sides_show_it()
    {
        var old = NewCode("test-so-cu");
        var merged = NewCode("test-so-moi");
        await _client.PostJsonAsync("/api/v1/agencies", new { code = old, name = "Sở Kế hoạch và Đầu tư", kind = "department", jurisdictionCode = "92" }, HttpStatusCode.Created);
        await _client.PostJsonAsync("/api/v1/agencies", new { code = merged, name = "Sở Tài chính", kind = "department", jurisdictionCode = "92", validFrom = "2025-03-01" }, HttpStatusCode.Created);

        var tooEarly = await (await _client.PutAsJsonAsync($"/api/v1/agencies/{old}", new
        {
            name = "Sở Kế hoạch và Đầu tư", kind = "department", jurisdictionCode = "92", validUntil = "2025-01-31",
            successors = new[] { new { code = merged, kind = "merged_into" } },
        })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["successors[0].code"], tooEarly.ErrorFields());

        var ended = await _client.PutJsonAsync($"/api/v1/agencies/{old}", new
        {
            name = "Sở Kế hoạch và Đầu tư", kind = "department", jurisdictionCode = "92", validUntil = "2025-02-28",
            successors = new[] { new { code = merged, kind = "merged_into" } },
        }, HttpStatusCode.OK);
        Assert.Equal([merged], Codes(ended, "successors"));
        Assert.Equal("2025-03-01", ended["successors"]![0]!["effectiveOn"]!.GetValue<string>());
        Assert.Equal([old], Codes(await _client.GetJsonAsync($"/api/v1/agencies/{merged}"), "predecessors"));

        // A successor that ended before it (and named it as its own successor) would close a loop.
        var earlier = NewCode("test-so-truoc");
        await _client.PostJsonAsync("/api/v1/agencies", new { code = earlier, name = "Sở Tư pháp", kind = "department", jurisdictionCode = "92" }, HttpStatusCode.Created);
        await _client.PutJsonAsync($"/api/v1/agencies/{old}", new
        {
            name = "Sở Kế hoạch và Đầu tư", kind = "department", jurisdictionCode = "92", validUntil = "2025-02-28",
            successors = new[] { new { code = earlier, kind = "merged_into" } },
        }, HttpStatusCode.OK);
        var cycle = await (await _client.PutAsJsonAsync($"/api/v1/agencies/{earlier}", new
        {
            name = "Sở Tư pháp", kind = "department", jurisdictionCode = "92", validUntil = "2024-12-31",
            successors = new[] { new { code = old, kind = "renamed" } },
        })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["successors"], cycle.ErrorFields());
        Assert.Contains("cycle", cycle["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_collective_names_its_scope_and_jurisdiction_and_only_a_collective_has_a_scope()
    {
        var noScope = await (await _client.PostRawAsync("/api/v1/agencies",
            $$"""{"code": "{{NewCode("test-set")}}", "name": "Các sở, ban, ngành", "kind": "collective", "jurisdictionCode": "34"}""")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(noScope.ErrorFields(), f => string.Equals(f, "collectiveScope", StringComparison.OrdinalIgnoreCase));
        var notASet = await (await _client.PostRawAsync("/api/v1/agencies",
            $$"""{"code": "{{NewCode("test-set")}}", "name": "Sở Nội vụ", "kind": "department", "collectiveScope": "departments"}""")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(notASet.ErrorFields(), f => string.Equals(f, "collectiveScope", StringComparison.OrdinalIgnoreCase));

        var created = await _client.PostJsonAsync("/api/v1/agencies", new
        {
            code = NewCode("test-set"), name = "Các sở, ban, ngành tỉnh Thái Bình", kind = "collective", jurisdictionCode = "34", collectiveScope = "departments",
        }, HttpStatusCode.Created);
        Assert.Equal("departments", created["collectiveScope"]!.GetValue<string>());
        Assert.Null((await _client.GetJsonAsync("/api/v1/agencies/so-gddt-can-tho"))["collectiveScope"]);
    }
}
