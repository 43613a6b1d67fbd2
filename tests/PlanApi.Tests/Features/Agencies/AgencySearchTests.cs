using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Agencies;

/// <summary>GET /api/v1/agencies?q=: search ignoring case, diacritics and punctuation, best match first. Read-only.</summary>
public sealed class AgencySearchTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    private async Task<JsonNode> SearchAsync(string q, string extra = "") =>
        await _client.GetJsonAsync($"/api/v1/agencies?q={Uri.EscapeDataString(q)}{extra}");

    private static List<string> Codes(JsonNode page) =>
        page["items"]!.AsArray().Select(a => a!["code"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Ninh_kieu_without_diacritics_finds_the_district_and_the_ward_that_share_the_name()
    {
        var page = await SearchAsync("ninh kieu");
        Assert.Equal(["ninh-kieu", "ubnd-phuong-ninh-kieu-can-tho"], Codes(page));
        Assert.Equal(2, page["total"]!.GetValue<int>());
        Assert.Equal("Ủy ban nhân dân quận Ninh Kiều", page["items"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("Ủy ban nhân dân phường Ninh Kiều", page["items"]![1]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("NINH KIỀU", "ninh-kieu", "ubnd-phuong-ninh-kieu-can-tho")]
    [InlineData("Ninh Kiều", "ninh-kieu", "ubnd-phuong-ninh-kieu-can-tho")]
    [InlineData("nInH kIềU", "ninh-kieu", "ubnd-phuong-ninh-kieu-can-tho")]
    [InlineData("  ninh   kieu  ", "ninh-kieu", "ubnd-phuong-ninh-kieu-can-tho")]
    [InlineData("quận: Ninh Kiều!", "ninh-kieu")]
    [InlineData("(UBND quận Ninh Kiều)", "ninh-kieu")]
    [InlineData("PHƯỜNG  ninh   KIEU", "ubnd-phuong-ninh-kieu-can-tho")]
    public async Task Case_diacritics_spacing_and_punctuation_do_not_matter(string q, params string[] codes)
    {
        Assert.Equal(codes, Codes(await SearchAsync(q)));
    }

    [Fact]
    public async Task TDKT_finds_the_boards_and_councils_written_TĐKT()
    {
        var page = await SearchAsync("TDKT");
        var codes = Codes(page);
        Assert.Contains("ban-tdkt-can-tho", codes);
        Assert.Equal(["ban-tdkt-can-tho", "ban-tdkt-trung-uong", "hd-tdkt-can-tho", "hd-tdkt-trung-uong"], codes.Order());
        Assert.Equal(4, page["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Hyphenated_abbreviation_finds_the_central_board_through_its_alias()
    {
        var page = await SearchAsync("Ban TĐ-KT Trung ương");
        Assert.Equal(["ban-tdkt-trung-uong"], Codes(page));
        Assert.Contains("Ban TĐ-KT Trung ương", page["items"]![0]!["aliases"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task Dotted_abbreviation_finds_the_council_through_its_alias()
    {
        Assert.Equal(["hd-tdkt-can-tho"], Codes(await SearchAsync("HĐ.TĐKT")));
    }

    [Theory]
    [InlineData("quận Ninh Kiều", "ninh-kieu")]
    [InlineData("Ban TĐ-KT Trung ương", "ban-tdkt-trung-uong")]
    [InlineData("Sở Giáo dục và Đào tạo", "so-gddt-can-tho")]
    [InlineData("Ủy ban nhân dân huyện Vĩnh Thạnh", "vinh-thanh")]
    public async Task NFD_decomposed_input_finds_the_same_agency_as_NFC(string nfc, string code)
    {
        var nfd = nfc.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(nfc, nfd);

        var byNfc = Codes(await SearchAsync(nfc));
        var byNfd = Codes(await SearchAsync(nfd));

        Assert.Equal([code], byNfc);
        Assert.Equal(byNfc, byNfd);
    }

    [Fact]
    public async Task An_exact_code_finds_the_agency()
    {
        var page = await SearchAsync("so-gddt-can-tho");
        Assert.Equal(["so-gddt-can-tho"], Codes(page));
    }

    [Fact]
    public async Task An_exact_code_ranks_before_agencies_that_only_contain_its_words()
    {
        // "thanh uy can tho" is also inside "Ban Tuyên giáo Thành ủy Cần Thơ".
        var codes = Codes(await SearchAsync("thanh-uy-can-tho"));
        Assert.Equal("thanh-uy-can-tho", codes[0]);
    }

    [Fact]
    public async Task The_agency_named_exactly_as_searched_ranks_first()
    {
        var codes = Codes(await SearchAsync("Thành ủy"));
        Assert.Equal(["thanh-uy-can-tho", "ban-tuyen-giao-thanh-uy-can-tho"], codes);
    }

    [Fact]
    public async Task Government_office_ranks_first_for_van_phong()
    {
        var codes = Codes(await SearchAsync("văn phòng"));
        Assert.Equal("van-phong-chinh-phu", codes[0]);
        Assert.Equal(["van-phong-chinh-phu", "vp-dieu-phoi-ntm-can-tho", "vp-doan-dbqh-hdnd-can-tho", "vp-ubnd-can-tho"], codes.Order());
    }

    [Fact]
    public async Task The_agency_whose_alias_is_exactly_the_query_ranks_first()
    {
        // "Hội đồng TĐKT" is an alias of the city's council (hd-tdkt-can-tho) only; the central council merely contains
        // the words ("Hội đồng TĐKT Trung ương"). The best match is the agency known by exactly that name.
        var codes = Codes(await SearchAsync("Hội đồng TĐKT"));
        Assert.Equal(["hd-tdkt-can-tho", "hd-tdkt-trung-uong"], codes);
    }

    [Fact]
    public async Task Search_combines_with_the_kind_filter()
    {
        var page = await SearchAsync("Cần Thơ", "&kind=press");
        Assert.Equal(["bao-can-tho", "cong-ttdt-can-tho", "dai-ptth-can-tho"], Codes(page).Order());
        Assert.Equal(3, page["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Search_results_page_and_the_next_link_keeps_q()
    {
        // 17 of the city's own agencies and the 103 wards' and communes' People's Committees ("… thành phố Cần Thơ").
        var all = await SearchAsync("Cần Thơ", "&limit=100");
        Assert.Equal(120, all["total"]!.GetValue<int>());

        var first = await SearchAsync("Cần Thơ", "&limit=5");
        Assert.Equal(120, first["total"]!.GetValue<int>());
        Assert.Equal(Codes(all).Take(5), Codes(first));
        var next = first["next"]!.GetValue<string>();
        var second = await _client.GetJsonAsync(next);
        Assert.Equal(Codes(all).Skip(5).Take(5), Codes(second));
        Assert.Equal(120, second["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task No_match_is_an_empty_page()
    {
        var page = await SearchAsync("Hà Giang");
        Assert.Empty(page["items"]!.AsArray());
        Assert.Equal(0, page["total"]!.GetValue<int>());
        Assert.Null(page["next"]);
    }

    [Fact]
    public async Task Punctuation_only_query_lists_everything_in_code_order()
    {
        var page = await SearchAsync(" - . ", "&limit=100");
        Assert.Equal(141, page["total"]!.GetValue<int>());
        var codes = Codes(page);
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [Fact]
    public async Task Query_with_a_NUL_character_is_a_400_problem_naming_q()
    {
        var problem = await (await _client.GetAsync("/api/v1/agencies?q=ninh%00kieu")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["q"], problem.ErrorFields());
    }

    [Fact]
    public async Task Query_over_200_characters_is_a_400_problem_naming_q()
    {
        var problem = await (await _client.GetAsync($"/api/v1/agencies?q={new string('a', 201)}")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["q"], problem.ErrorFields());
    }

    [Fact]
    public async Task Query_of_200_characters_is_accepted()
    {
        var page = await _client.GetJsonAsync($"/api/v1/agencies?q={new string('a', 200)}");
        Assert.Equal(0, page["total"]!.GetValue<int>());
    }
}
