using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanApi.Domain;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.AdministrativeUnits;

/// <summary>GET /api/v1/administrative-units: the national lists at a date, filters, search and paging. Read-only.</summary>
public sealed class AdministrativeUnitListTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private const string Url = "/api/v1/administrative-units";

    private readonly HttpClient _client = api.CreateAnonymousClient();

    private Task<JsonNode> ListAsync(string query) => _client.GetJsonAsync($"{Url}?{query}");

    private static List<string> Codes(JsonNode page) =>
        page["items"]!.AsArray().Select(u => u!["code"]!.GetValue<string>()).ToList();

    private static List<string> Names(JsonNode page) =>
        page["items"]!.AsArray().Select(u => u!["fullName"]!.GetValue<string>()).ToList();

    private static int Total(JsonNode page) => page["total"]!.GetValue<int>();

    [Theory]
    [InlineData("2025-06-30", "province", 63)]
    [InlineData("2025-06-30", "district", 696)]
    [InlineData("2025-06-30", "commune", 10_035)]
    [InlineData("2025-07-01", "province", 34)]
    [InlineData("2025-07-01", "district", 0)]
    [InlineData("2025-07-01", "commune", 3_321)]
    public async Task Each_list_counts_what_the_national_list_holds(string asOf, string level, int total)
    {
        Assert.Equal(total, Total(await ListAsync($"asOf={asOf}&level={level}&limit=1")));
    }

    [Fact]
    public async Task Without_a_search_units_come_by_code_provinces_first()
    {
        var page = await ListAsync("asOf=2025-06-30&limit=3&offset=62");

        Assert.Equal(["96", "001", "002"], Codes(page));
        Assert.Equal(63 + 696 + 10_035, Total(page));
        Assert.Equal(["province", "district", "district"], page["items"]!.AsArray().Select(u => u!["level"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Level_and_parent_give_a_districts_communes_with_their_parent()
    {
        var page = await ListAsync("asOf=2025-06-30&level=commune&parent=925");

        Assert.Equal(["31222", "31225", "31249", "31255", "31261", "31264", "31273", "31274", "31276", "31277"], Codes(page));
        var coDo = page["items"]![4]!;
        Assert.Equal("Thị trấn Cờ Đỏ", coDo["fullName"]!.GetValue<string>());
        Assert.Equal("925", coDo["parent"]!["code"]!.GetValue<string>());
        Assert.Equal("Huyện Cờ Đỏ", coDo["parent"]!["fullName"]!.GetValue<string>());
        Assert.Equal("92", coDo["provinceCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_provinces_children_are_its_districts_before_and_its_communes_after()
    {
        Assert.Equal(["916", "917", "918", "919", "923", "924", "925", "926", "927"], Codes(await ListAsync("asOf=2025-06-30&parent=92")));
        Assert.Equal(103, Total(await ListAsync("asOf=2025-07-01&parent=92&limit=1")));
        Assert.Equal(0, Total(await ListAsync("asOf=2025-07-01&parent=925")));
    }

    [Fact]
    public async Task Province_filter_holds_the_province_and_everything_in_it()
    {
        Assert.Equal(1 + 103, Total(await ListAsync("asOf=2025-07-01&province=92&limit=1")));
        Assert.Equal(0, Total(await ListAsync("asOf=2025-07-01&province=93")));
        Assert.Equal(1 + 9 + 80, Total(await ListAsync("asOf=2025-06-30&province=92&limit=1")));
    }

    [Theory]
    [InlineData("ninh kieu")]
    [InlineData("NINH KIỀU")]
    [InlineData("Phường Ninh Kiều")]
    [InlineData("phuong: ninh kieu!")]
    public async Task Case_diacritics_and_punctuation_do_not_matter(string q)
    {
        Assert.Equal("Phường Ninh Kiều", Names(await ListAsync($"q={Uri.EscapeDataString(q)}&asOf=2025-07-01"))[0]);
    }

    [Fact]
    public async Task Ninh_kieu_finds_the_district_before_the_reorganisation_and_the_ward_after()
    {
        Assert.Equal(["916"], Codes(await ListAsync("q=ninh%20kieu&asOf=2025-06-30")));
        Assert.Equal(["31135"], Codes(await ListAsync("q=ninh%20kieu&asOf=2025-07-01")));
    }

    [Fact]
    public async Task Best_match_first_exact_name_then_names_beginning_with_it_then_the_rest()
    {
        var page = await ListAsync("q=thoi%20an&asOf=2025-07-01");

        Assert.Equal(["Phường Thới An", "Phường Thới An Đông", "Xã Thới An Hội", "Xã Thạnh Thới An"], Names(page));
        Assert.Equal(4, Total(page));
    }

    [Fact]
    public async Task Every_search_key_begins_with_the_folded_type_of_the_same_length_where_the_ranking_finds_the_name()
    {
        await using var db = api.NewDbContext();
        var keys = await db.AdministrativeUnits.Select(u => new { u.Type, u.SearchKey }).Distinct().ToListAsync();
        Assert.All(keys, k =>
        {
            Assert.Equal(k.Type.Length, SearchText.Fold(k.Type).Length);
            Assert.StartsWith(SearchText.Fold(k.Type) + " ", k.SearchKey, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_exact_code_is_found_first()
    {
        Assert.Equal("31261", Codes(await ListAsync("q=31261&asOf=2025-07-01"))[0]);
        Assert.Equal(["92"], Codes(await ListAsync("q=can%20tho&asOf=2025-07-01&level=province")));
    }

    [Fact]
    public async Task Without_asOf_the_lists_are_read_today_in_Viet_Nam()
    {
        api.SetToday(new DateOnly(2023, 3, 15));
        Assert.Equal(63, Total(await ListAsync("level=province&limit=1")));
        Assert.Equal(9, Total(await ListAsync("parent=92")));

        api.SetToday(new DateOnly(2025, 7, 1));
        Assert.Equal(34, Total(await ListAsync("level=province&limit=1")));
        Assert.Equal(103, Total(await ListAsync("parent=92&limit=1")));
    }

    [Fact]
    public async Task Pages_follow_the_next_link_to_the_end_without_gaps_or_repeats()
    {
        var codes = new List<string>();
        var page = await ListAsync("asOf=2025-07-01&parent=92&limit=40");
        Assert.Equal(20, (await ListAsync("asOf=2025-07-01&parent=92"))["items"]!.AsArray().Count);
        while (true)
        {
            codes.AddRange(Codes(page));
            if (page["next"] is not { } next) break;
            Assert.Contains("asOf=2025-07-01", next.GetValue<string>());
            page = await _client.GetJsonAsync(next.GetValue<string>());
        }
        Assert.Equal(103, codes.Count);
        Assert.Equal(codes.Distinct().Order(StringComparer.Ordinal), codes);
        Assert.Empty((await ListAsync("asOf=2025-07-01&parent=92&offset=103"))["items"]!.AsArray());
    }
}
