using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Agencies;

/// <summary>GET /api/v1/agencies without a search: the seeded 141 agencies, paging and the kind filter. Read-only.</summary>
public sealed class AgencyListTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    /// <summary>The 38 of seeds/agencies.json (the national issuers Quốc hội, Chính phủ and Thủ tướng Chính phủ among them) and the People's Committees of Cần Thơ's 103 wards and communes.</summary>
    private const int SeededAgencies = 141;

    private static readonly string[] Districts =
        ["binh-thuy", "cai-rang", "co-do", "ninh-kieu", "o-mon", "phong-dien", "thoi-lai", "thot-not", "vinh-thanh"];

    private readonly HttpClient _client = api.CreateClient();

    private static List<string> Codes(JsonNode page) =>
        page["items"]!.AsArray().Select(a => a!["code"]!.GetValue<string>()).ToList();

    private static (string Path, Dictionary<string, string> Query) SplitLink(string link)
    {
        var q = link.IndexOf('?');
        Assert.True(q > 0, $"next link without a query: {link}");
        var query = QueryHelpers.ParseQuery(link[q..]).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        return (link[..q], query);
    }

    [Fact]
    public async Task Default_page_holds_the_first_20_of_138_agencies_in_code_order_with_a_next_link()
    {
        var page = await _client.GetJsonAsync("/api/v1/agencies");

        var codes = Codes(page);
        Assert.Equal(20, codes.Count);
        Assert.Equal(SeededAgencies, page["total"]!.GetValue<int>());
        Assert.Equal(20, page["limit"]!.GetValue<int>());
        Assert.Equal(0, page["offset"]!.GetValue<int>());
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.Equal(["ban-tdkt-can-tho", "ban-tdkt-trung-uong", "ban-tuyen-giao-thanh-uy-can-tho"], codes.Take(3));

        var (path, query) = SplitLink(page["next"]!.GetValue<string>());
        Assert.Equal("/api/v1/agencies", path);
        Assert.Equal("20", query["offset"]);
        Assert.Equal("20", query["limit"]);
    }

    [Fact]
    public async Task Following_next_reaches_the_last_page_which_has_no_next_link()
    {
        var pages = new List<JsonNode> { await _client.GetJsonAsync("/api/v1/agencies") };
        while (pages[^1]["next"] is { } next) pages.Add(await _client.GetJsonAsync(next.GetValue<string>()));

        Assert.Equal(8, pages.Count);
        Assert.Single(Codes(pages[^1]));
        Assert.Equal(1, SeededAgencies - 7 * 20);
        Assert.Equal(140, pages[^1]["offset"]!.GetValue<int>());
        Assert.All(pages, p => Assert.Equal(SeededAgencies, p["total"]!.GetValue<int>()));
        var all = pages.SelectMany(Codes).ToList();
        Assert.Equal(SeededAgencies, all.Distinct().Count());
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
    }

    [Fact]
    public async Task Limit_and_offset_select_a_window_of_the_full_list()
    {
        var full = Codes(await _client.GetJsonAsync("/api/v1/agencies?limit=100"));
        var window = await _client.GetJsonAsync("/api/v1/agencies?limit=5&offset=10");

        Assert.Equal(full.Skip(10).Take(5), Codes(window));
        Assert.Equal(5, window["limit"]!.GetValue<int>());
        Assert.Equal(10, window["offset"]!.GetValue<int>());
        var (_, query) = SplitLink(window["next"]!.GetValue<string>());
        Assert.Equal("15", query["offset"]);
        Assert.Equal("5", query["limit"]);
    }

    [Fact]
    public async Task Limit_100_returns_100_agencies_and_the_rest_on_the_next_page_without_next()
    {
        var page = await _client.GetJsonAsync("/api/v1/agencies?limit=100");
        Assert.Equal(100, Codes(page).Count);
        Assert.Equal(100, page["limit"]!.GetValue<int>());
        var rest = await _client.GetJsonAsync(page["next"]!.GetValue<string>());
        Assert.Equal(SeededAgencies - 100, Codes(rest).Count);
        Assert.Null(rest["next"]);
    }

    [Fact]
    public async Task Limit_1_returns_one_agency_and_a_next_link()
    {
        var page = await _client.GetJsonAsync("/api/v1/agencies?limit=1");
        Assert.Equal(["ban-tdkt-can-tho"], Codes(page));
        Assert.Equal(SeededAgencies, page["total"]!.GetValue<int>());
        Assert.NotNull(page["next"]);
    }

    [Fact]
    public async Task Offset_past_the_end_returns_an_empty_page_with_the_total()
    {
        var page = await _client.GetJsonAsync("/api/v1/agencies?offset=200");
        Assert.Empty(page["items"]!.AsArray());
        Assert.Equal(SeededAgencies, page["total"]!.GetValue<int>());
        Assert.Equal(200, page["offset"]!.GetValue<int>());
        Assert.Null(page["next"]);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("offset=1000001", "offset")]
    [InlineData("limit=abc", "limit")]
    [InlineData("offset=abc", "offset")]
    [InlineData("limit=2147483648", "limit")]
    public async Task Invalid_paging_is_a_400_problem_naming_the_parameter(string query, string field)
    {
        var problem = await (await _client.GetAsync($"/api/v1/agencies?{query}")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.ErrorFields());
    }

    [Fact]
    public async Task Kind_district_gives_the_nine_districts()
    {
        var page = await _client.GetJsonAsync("/api/v1/agencies?kind=district&limit=100");

        Assert.Equal(9, page["total"]!.GetValue<int>());
        Assert.Equal(Districts, Codes(page));
        Assert.All(page["items"]!.AsArray(), a => Assert.Equal("district", a!["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Kind_external_gives_the_four_other_centrally_run_cities()
    {
        var page = await _client.GetJsonAsync("/api/v1/agencies?kind=external");
        Assert.Equal(["ubnd-da-nang", "ubnd-ha-noi", "ubnd-hai-phong", "ubnd-tp-ho-chi-minh"], Codes(page));
    }

    [Fact]
    public async Task Next_link_keeps_the_kind_filter()
    {
        var first = await _client.GetJsonAsync("/api/v1/agencies?kind=district&limit=5");
        Assert.Equal(Districts.Take(5), Codes(first));
        var (_, query) = SplitLink(first["next"]!.GetValue<string>());
        Assert.Equal("district", query["kind"]);

        var second = await _client.GetJsonAsync(first["next"]!.GetValue<string>());
        Assert.Equal(Districts.Skip(5), Codes(second));
        Assert.Equal(9, second["total"]!.GetValue<int>());
        Assert.Null(second["next"]);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("District")]
    [InlineData("2")]
    public async Task Unknown_kind_is_a_400_problem_naming_kind(string kind)
    {
        var problem = await (await _client.GetAsync($"/api/v1/agencies?kind={kind}")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["kind"], problem.ErrorFields());
    }

    [Fact]
    public async Task Each_agency_carries_its_fields_as_seeded()
    {
        var page = await _client.GetJsonAsync("/api/v1/agencies?limit=100");
        var tdkt = page["items"]!.AsArray().Single(a => a!["code"]!.GetValue<string>() == "ban-tdkt-can-tho")!;

        Assert.Equal("Ban Thi đua - Khen thưởng thành phố Cần Thơ", tdkt["name"]!.GetValue<string>());
        Assert.Equal("Ban TĐKT thành phố", tdkt["shortName"]!.GetValue<string>());
        Assert.Equal(["Ban TĐKT thành phố", "Ban Thi đua - Khen thưởng thành phố"],
            tdkt["aliases"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("department", tdkt["kind"]!.GetValue<string>());
        Assert.Equal("so-noi-vu-can-tho", tdkt["parentCode"]!.GetValue<string>());
    }
}
