using System.Net;
using System.Text.Json.Nodes;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.AdministrativeUnits;

/// <summary>GET /api/v1/administrative-units/{code}?asOf=: one version of a unit, with its neighbours in time and space. Read-only.</summary>
public sealed class AdministrativeUnitTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _client = api.CreateAnonymousClient();

    private Task<JsonNode> UnitAsync(string code, string asOf) =>
        _client.GetJsonAsync($"/api/v1/administrative-units/{code}?asOf={asOf}");

    private static string Text(JsonNode? node, string name) => node![name]!.GetValue<string>();

    private static List<string> Codes(JsonNode unit, string list) =>
        unit[list]!.AsArray().Select(u => Text(u, "code")).ToList();

    [Fact]
    public async Task Can_Tho_on_30_June_2025_is_the_city_of_nine_districts()
    {
        var unit = await UnitAsync("92", "2025-06-30");

        Assert.Equal("Thành phố Cần Thơ", Text(unit, "fullName"));
        Assert.Equal("province", Text(unit, "level"));
        Assert.Equal("Thành phố", Text(unit, "type"));
        Assert.Equal("92", Text(unit, "provinceCode"));
        Assert.Null(unit["parent"]);
        Assert.Null(unit["validFrom"]);
        Assert.Equal("2025-06-30", Text(unit, "validUntil"));
        Assert.Equal(["916", "917", "918", "919", "923", "924", "925", "926", "927"], Codes(unit, "children"));
        Assert.Equal("Quận Ninh Kiều", Text(unit["children"]![0], "fullName"));
        Assert.Equal("Huyện Thới Lai", Text(unit["children"]![8], "fullName"));
        var successor = Assert.Single(unit["successors"]!.AsArray());
        Assert.Equal(("92", "2025-07-01", "merged_into"), (Text(successor, "code"), Text(successor, "validFrom"), Text(successor, "kind")));
        Assert.Empty(unit["predecessors"]!.AsArray());
    }

    [Fact]
    public async Task Can_Tho_from_1_July_2025_has_103_communes_31_phuong_and_72_xa_and_three_provinces_before_it()
    {
        var unit = await UnitAsync("92", "2025-07-01");

        Assert.Equal("2025-07-01", Text(unit, "validFrom"));
        Assert.Null(unit["validUntil"]);
        var children = unit["children"]!.AsArray().Select(c => (Code: Text(c, "code"), Name: Text(c, "fullName"))).ToList();
        Assert.Equal(103, children.Count);
        Assert.Equal(31, children.Count(c => c.Name.StartsWith("Phường ", StringComparison.Ordinal)));
        Assert.Equal(72, children.Count(c => c.Name.StartsWith("Xã ", StringComparison.Ordinal)));
        Assert.All(children, c => Assert.Equal(5, c.Code.Length));
        Assert.Equal(children.Select(c => c.Code).Order(StringComparer.Ordinal), children.Select(c => c.Code));
        Assert.Contains(("31135", "Phường Ninh Kiều"), children);
        Assert.Equal(["92", "93", "94"], Codes(unit, "predecessors"));
        Assert.All(unit["predecessors"]!.AsArray(), p => Assert.Equal("2025-06-30", Text(p, "validUntil")));
        Assert.Empty(unit["successors"]!.AsArray());
    }

    [Fact]
    public async Task Hau_Giang_asked_after_it_ended_answers_its_last_version_merged_into_Can_Tho()
    {
        var unit = await UnitAsync("93", "2025-07-01");

        Assert.Equal("Tỉnh Hậu Giang", Text(unit, "fullName"));
        Assert.Equal("2025-06-30", Text(unit, "validUntil"));
        var successor = Assert.Single(unit["successors"]!.AsArray());
        Assert.Equal("92", Text(successor, "code"));
        Assert.Equal("Thành phố Cần Thơ", Text(successor, "fullName"));
        Assert.Equal("province", Text(successor, "level"));
        Assert.Equal("merged_into", Text(successor, "kind"));
        Assert.Equal("2025-07-01", Text(successor, "effectiveOn"));
        // Years later the answer is the same ended version.
        Assert.True(JsonNode.DeepEquals(unit, await UnitAsync("93", "2030-01-01")));
    }

    [Fact]
    public async Task Code_31261_names_Thi_tran_Co_Do_of_a_district_before_and_Xa_Co_Do_of_the_city_after()
    {
        var before = await UnitAsync("31261", "2025-06-30");
        var after = await UnitAsync("31261", "2025-07-01");

        Assert.Equal(("Thị trấn Cờ Đỏ", "Thị trấn", "925", "Huyện Cờ Đỏ"),
            (Text(before, "fullName"), Text(before, "type"), Text(before["parent"], "code"), Text(before["parent"], "fullName")));
        Assert.Equal(("Xã Cờ Đỏ", "Xã", "92", "Thành phố Cần Thơ"),
            (Text(after, "fullName"), Text(after, "type"), Text(after["parent"], "code"), Text(after["parent"], "fullName")));
        Assert.Equal("Cờ Đỏ", Text(after, "name"));
        Assert.Contains("31261", Codes(before, "successors"));
        Assert.Equal(["31261", "31276", "31277"], Codes(after, "predecessors").Where(c => c.Length == 5));
    }

    [Fact]
    public async Task Without_asOf_the_unit_is_read_today_in_Viet_Nam()
    {
        api.SetToday(new DateOnly(2025, 6, 30));
        Assert.Equal("Thị trấn Cờ Đỏ", Text(await _client.GetJsonAsync("/api/v1/administrative-units/31261"), "fullName"));

        // 1 July 2025 begins at 17:00 UTC on 30 June.
        api.SetNow(new DateTimeOffset(2025, 7, 1, 0, 5, 0, TimeSpan.FromHours(7)));
        Assert.Equal("Xã Cờ Đỏ", Text(await _client.GetJsonAsync("/api/v1/administrative-units/31261"), "fullName"));
    }

    [Fact]
    public async Task A_code_that_exists_only_later_is_a_404_saying_from_when()
    {
        using var response = await _client.GetAsync("/api/v1/administrative-units/06978?asOf=2025-06-30");
        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("2025-07-01", Text(problem, "detail"));

        Assert.Equal("2025-07-01", Text(await UnitAsync("06978", "2025-07-01"), "validFrom"));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("00000")]
    [InlineData("ninh-kieu")]
    public async Task An_unknown_code_is_a_404(string code)
    {
        using var response = await _client.GetAsync($"/api/v1/administrative-units/{code}?asOf=2025-07-01");
        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(code, Text(problem, "detail"));
    }

    [Fact]
    public async Task The_ETag_follows_the_answer_and_a_current_one_gets_304()
    {
        using var june = await _client.GetAsync("/api/v1/administrative-units/92?asOf=2025-06-30");
        using var july = await _client.GetAsync("/api/v1/administrative-units/92?asOf=2025-07-01");
        var etag = june.Headers.ETag!.Tag;
        Assert.NotEqual(etag, july.Headers.ETag!.Tag);

        using var poll = new HttpRequestMessage(HttpMethod.Get, "/api/v1/administrative-units/92?asOf=2025-06-30");
        poll.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var notModified = await _client.SendAsync(poll);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Without_asOf_a_poll_gets_the_new_version_once_the_day_passes_the_reorganisation()
    {
        api.SetToday(new DateOnly(2025, 6, 30));
        using var before = await _client.GetAsync("/api/v1/administrative-units/92");
        var etag = before.Headers.ETag!.Tag;

        api.SetToday(new DateOnly(2025, 7, 1));
        using var poll = new HttpRequestMessage(HttpMethod.Get, "/api/v1/administrative-units/92");
        poll.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var after = await _client.SendAsync(poll);

        var unit = await after.JsonAsync(HttpStatusCode.OK);
        Assert.NotEqual(etag, after.Headers.ETag!.Tag);
        Assert.Equal(103, unit["children"]!.AsArray().Count);
    }
}
