using System.Net;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.AdministrativeUnits;

/// <summary>Bad input to the administrative unit reads: a 400 problem naming the parameter, never a 500.</summary>
public sealed class AdministrativeUnitValidationTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _client = api.CreateAnonymousClient();

    private async Task AssertBadAsync(string url, string field)
    {
        using var response = await _client.GetAsync(url);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.ErrorFields());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("2025-13-01")]
    [InlineData("2025-02-30")]
    [InlineData("2025-7-1")]
    // Day first as Vietnamese write it, or month first: either would be read as another day, so neither is taken.
    [InlineData("01/07/2025")]
    [InlineData("07/01/2025")]
    [InlineData("2025-07-01T00:00:00")]
    [InlineData("20250701")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public async Task A_bad_asOf_is_a_400_on_both_reads(string asOf)
    {
        var value = Uri.EscapeDataString(asOf);
        await AssertBadAsync($"/api/v1/administrative-units?asOf={value}", "asOf");
        await AssertBadAsync($"/api/v1/administrative-units/92?asOf={value}", "asOf");
    }

    [Theory]
    [InlineData("Province")]
    [InlineData("ward")]
    [InlineData("1")]
    [InlineData("province,commune")]
    public async Task A_level_that_is_not_a_snake_case_tier_is_a_400(string level)
    {
        await AssertBadAsync($"/api/v1/administrative-units?level={Uri.EscapeDataString(level)}", "level");
    }

    [Theory]
    [InlineData("parent", "ninh-kieu")]
    [InlineData("parent", "9")]
    [InlineData("parent", "9200")]
    [InlineData("province", "can-tho")]
    [InlineData("province", "٩٢")]
    public async Task A_parent_or_province_that_is_not_a_unit_code_is_a_400(string name, string value)
    {
        await AssertBadAsync($"/api/v1/administrative-units?{name}={Uri.EscapeDataString(value)}", name);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("q=%00", "q")]
    public async Task Paging_and_q_follow_the_rules_of_every_list(string query, string field)
    {
        await AssertBadAsync($"/api/v1/administrative-units?{query}", field);
    }

    [Fact]
    public async Task Empty_parameters_are_no_filter_as_elsewhere_and_a_search_of_punctuation_only_lists_everything()
    {
        api.SetToday(new DateOnly(2025, 7, 1));
        var page = await _client.GetJsonAsync("/api/v1/administrative-units?asOf=&level=&parent=&q=%20-%20&limit=1");
        Assert.Equal(34 + 3_321, page["total"]!.GetValue<int>());
        Assert.Equal("2025-07-01", (await _client.GetJsonAsync("/api/v1/administrative-units/92?asOf="))["validFrom"]!.GetValue<string>());
    }
}
