using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanApi.Tests.Features.Plans;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Plans.PlanRequests;

namespace PlanApi.Tests.Features.Items;

/// <summary>Bad input to POST and PUT /api/v1/plans/{planId}/items: a 400 problem naming the field, and nothing written.</summary>
public sealed class PlanItemValidationTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private const string TargetNumber = "9998/KH-ITEMS";
    private static int _ordinal = 500;
    private readonly HttpClient _client = api.CreateClient();

    /// <summary>(path in the body, the JSON value to put there, the field the 400 must name); for POST and PUT alike.</summary>
    public static TheoryData<string, string, string> BadFields => new()
    {
        { "quarter", "0", "quarter" },
        { "quarter", "5", "quarter" },
        { "quarter", "-1", "quarter" },
        { "quarter", Str("x"), "quarter" },
        { "quarter", "1.5", "quarter" },
        { "quarter", "99999999999", "quarter" },
        { "quarter", "null", "quarter" },
        { "content", Str(""), "content" },
        { "content", Str("   "), "content" },
        { "content", "null", "content" },
        { "content", Str(new string('x', 10_000)), "content" },
        { "content", Str(new string('x', 8001)), "content" },
        { "content", Str("Tổ chức\0Hội nghị"), "content" },
        { "content", Str("Tổ chức Hội nghị\u0007"), "content" },
        { "content", Str("Tổ chức \u0085Hội nghị"), "content" },
        { "content", "42", "content" },
        { "content", "[\"Tổ chức\"]", "content" },
        { "leadAgencyCode", Str(""), "leadAgencyCode" },
        { "leadAgencyCode", "null", "leadAgencyCode" },
        { "leadAgencyCode", Str(new string('a', 101)), "leadAgencyCode" },
        { "leadAgencyCode", Str("ban-tdkt-can-tho\0"), "leadAgencyCode" },
        { "leadAgencyCode", "{}", "leadAgencyCode" },
        { "leadRole", Str(new string('r', 501)), "leadRole" },
        { "leadRole", Str("Cơ quan Thường trực\0"), "leadRole" },
        { "executingUnitsText", Str(new string('e', 8001)), "executingUnitsText" },
        { "executingUnitsText", Str("Ban TĐKT thành phố\0"), "executingUnitsText" },
        { "dueText", Str(new string('d', 501)), "dueText" },
        { "dueText", Str("tháng 7\0/2023"), "dueText" },
        { "andRelatedAgencies", Str("yes"), "andRelatedAgencies" },
        { "andRelatedAgencies", "1", "andRelatedAgencies" },
        { "coordinatingAgencyCodes", Str("ninh-kieu"), "coordinatingAgencyCodes" },
        { "coordinatingAgencyCodes", "[\"ninh-kieu\",\"cai-rang\",\"ninh-kieu\"]", "coordinatingAgencyCodes" },
        { "coordinatingAgencyCodes", "[\"ninh-kieu\",\"ban-tdkt-can-tho\"]", "coordinatingAgencyCodes" },
        { "coordinatingAgencyCodes", "[\"\"]", "coordinatingAgencyCodes[0]" },
        { "coordinatingAgencyCodes", "[\"ninh-kieu\",\"" + new string('c', 101) + "\"]", "coordinatingAgencyCodes[1]" },
        { "coordinatingAgencyCodes", "[\"ninh-kieu\\u0000\"]", "coordinatingAgencyCodes[0]" },
        { "coordinatingAgencyCodes", "[1]", "coordinatingAgencyCodes[0]" },
        { "coordinatingAgencyCodes", "[\"ninh-kieu\",null]", "coordinatingAgencyCodes[1]" },
        { "coordinatingAgencyCodes", StrArray(101, i => $"agency-{i}"), "coordinatingAgencyCodes" },
        { "due", Str("tháng 7/2023"), "due" },
        { "due.year", "1999", "due.year" },
        { "due.year", "2101", "due.year" },
        { "due.year", Str("x"), "due.year" },
        { "due.year", "-2023", "due.year" },
        { "due.month", "0", "due.month" },
        { "due.month", "13", "due.month" },
        { "due.month", "-1", "due.month" },
        { "due.month", "99999999999", "due.month" },
        { "due.part", Str("bogus"), "due.part" },
        { "due.part", Str(""), "due.part" },
        { "due.part", "1", "due.part" },
    };

    public static TheoryData<string, string, string> BadOrdinals => new()
    {
        { "ordinal", "0", "ordinal" },
        { "ordinal", "-1", "ordinal" },
        { "ordinal", "10001", "ordinal" },
        { "ordinal", "2147483648", "ordinal" },
        { "ordinal", Str("x"), "ordinal" },
        { "ordinal", "1.5", "ordinal" },
        { "ordinal", "null", "ordinal" },
    };

    public static TheoryData<string> MalformedBodies => new()
    {
        "{\"ordinal\": 500, \"quarter\": ",
        "{\"ordinal\": 500, \"quarter\": 3, \"content\": \"Tổ chức\"",
        "{\"ordinal\": 500, \"quarter\": 3,}",
        "{ordinal: 500}",
        "<item/>",
        "[]",
        "\"Tổ chức\"",
        "",
        "null",
    };

    private static JsonObject ValidBody(int? ordinal) =>
        ItemBody(ordinal, quarter: 3, lead: "ban-tdkt-can-tho", coordinators: ["ninh-kieu"], due: Due(2023, 7), dueText: "tháng 7/2023");

    /// <summary>A published plan with item 1, shared by the tests of this class.</summary>
    private async Task<string> TargetPlanAsync()
    {
        var page = await _client.GetJsonAsync($"{PlansUrl}?year=2098");
        if (page.Int("total") > 0) return page["items"]![0]!.Text("id");
        var id = await _client.CreatePlanIdAsync(PlanBody(TargetNumber, year: 2098, issuedOn: "2097-12-01", lifecycle: "published"));
        await _client.CreateItemAsync(id, ValidBody(1));
        return id;
    }

    private async Task<int> ItemCountAsync()
    {
        await using var db = api.NewDbContext();
        return await db.PlanItems.CountAsync();
    }

    /// <summary>The state before a bad request: the plan, the item count, item 1 as served, and an unused ordinal.</summary>
    private sealed record Before(string PlanId, int Count, string First, int FreeOrdinal);

    private async Task<Before> BeforeAsync()
    {
        var planId = await TargetPlanAsync();
        return new Before(planId, await ItemCountAsync(), (await _client.GetJsonAsync($"{Items(planId)}/1")).ToJsonString(),
            Interlocked.Increment(ref _ordinal));
    }

    private async Task AssertNothingWrittenAsync(Before before)
    {
        Assert.Equal(before.Count, await ItemCountAsync());
        Assert.Equal(before.First, (await _client.GetJsonAsync($"{Items(before.PlanId)}/1")).ToJsonString());
        await (await _client.GetAsync($"{Items(before.PlanId)}/{before.FreeOrdinal}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    private static string Items(string planId) => $"{PlansUrl}/{planId}/items";

    private async Task<(HttpResponseMessage Response, JsonNode Problem)> PostAsync(string planId, string json)
    {
        var response = await _client.SendJsonAsync(HttpMethod.Post, Items(planId), json);
        return (response, await response.BadRequestAsync());
    }

    private async Task<(HttpResponseMessage Response, JsonNode Problem)> PutAsync(string planId, string json)
    {
        var response = await _client.SendJsonAsync(HttpMethod.Put, $"{Items(planId)}/1", json);
        return (response, await response.BadRequestAsync());
    }

    [Fact]
    public async Task The_valid_bodies_used_by_these_tests_are_accepted()
    {
        var planId = await TargetPlanAsync();
        var created = await _client.CreateItemAsync(planId, ValidBody(2));
        Assert.Equal(["ninh-kieu"], created["coordinators"]!.Codes());
        var updated = await _client.PutJsonAsync($"{Items(planId)}/2", ValidBody(null), HttpStatusCode.OK);
        Assert.Equal("tháng 7/2023", updated["due"]!.Text("text"));
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"{Items(planId)}/2")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(BadFields))]
    [MemberData(nameof(BadOrdinals))]
    public async Task Post_with_bad_field_is_400_naming_it_and_writes_nothing(string path, string json, string field)
    {
        var before = await BeforeAsync();
        var body = ValidBody(before.FreeOrdinal);
        Set(body, path, JsonNode.Parse(json));

        var (response, problem) = await PostAsync(before.PlanId, body.ToJsonString());

        problem.AssertNames(field);
        await AssertNothingWrittenAsync(before);
        response.AssertProblemJson();
    }

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Put_with_bad_field_is_400_naming_it_and_changes_nothing(string path, string json, string field)
    {
        var before = await BeforeAsync();
        var body = ValidBody(null);
        Set(body, "content", "Không được lưu");
        Set(body, path, JsonNode.Parse(json));

        var (response, problem) = await PutAsync(before.PlanId, body.ToJsonString());

        problem.AssertNames(field);
        await AssertNothingWrittenAsync(before);
        response.AssertProblemJson();
    }

    [Theory]
    [InlineData("ordinal")]
    [InlineData("quarter")]
    [InlineData("content")]
    [InlineData("leadAgencyCode")]
    public async Task Post_without_required_field_is_400_naming_it_and_writes_nothing(string field)
    {
        var before = await BeforeAsync();
        var body = ValidBody(before.FreeOrdinal);
        Assert.True(body.Remove(field));
        var (response, problem) = await PostAsync(before.PlanId, body.ToJsonString());
        problem.AssertNames(field);
        await AssertNothingWrittenAsync(before);
        response.AssertProblemJson();
    }

    [Theory]
    [InlineData("quarter")]
    [InlineData("content")]
    [InlineData("leadAgencyCode")]
    public async Task Put_without_required_field_is_400_naming_it_and_changes_nothing(string field)
    {
        var before = await BeforeAsync();
        var body = ValidBody(null);
        Assert.True(body.Remove(field));
        var (response, problem) = await PutAsync(before.PlanId, body.ToJsonString());
        problem.AssertNames(field);
        await AssertNothingWrittenAsync(before);
        response.AssertProblemJson();
    }

    [Fact]
    public async Task Post_of_an_empty_object_names_every_required_field()
    {
        var before = await BeforeAsync();
        var (response, problem) = await PostAsync(before.PlanId, "{}");
        foreach (var field in new[] { "ordinal", "quarter", "content", "leadAgencyCode" }) problem.AssertNames(field);
        await AssertNothingWrittenAsync(before);
        response.AssertProblemJson();
    }

    [Fact]
    public async Task Several_bad_fields_are_named_together()
    {
        var before = await BeforeAsync();
        var body = ValidBody(before.FreeOrdinal);
        Set(body, "ordinal", 0);
        Set(body, "quarter", 5);
        Set(body, "content", new string('x', 10_000));
        Set(body, "due.month", 13);
        var (response, problem) = await PostAsync(before.PlanId, body.ToJsonString());
        Assert.Equal(["content", "due.month", "ordinal", "quarter"], problem.ErrorFields().Order());
        await AssertNothingWrittenAsync(before);
        response.AssertProblemJson();
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Post_of_malformed_json_is_400_problem_and_writes_nothing(string json)
    {
        var before = await BeforeAsync();
        var (response, problem) = await PostAsync(before.PlanId, json);
        Assert.NotEmpty(problem.ErrorFields());
        Assert.DoesNotContain("", problem.ErrorFields());
        await AssertNothingWrittenAsync(before);
        response.AssertProblemJson();
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Put_of_malformed_json_is_400_problem_and_changes_nothing(string json)
    {
        var before = await BeforeAsync();
        var (response, problem) = await PutAsync(before.PlanId, json);
        Assert.NotEmpty(problem.ErrorFields());
        Assert.DoesNotContain("", problem.ErrorFields());
        await AssertNothingWrittenAsync(before);
        response.AssertProblemJson();
    }

    [Fact]
    public async Task A_wrong_type_is_named_by_its_json_name_without_dotnet_type_names()
    {
        var before = await BeforeAsync();
        var body = ValidBody(before.FreeOrdinal);
        Set(body, "quarter", "x");
        var (response, problem) = await PostAsync(before.PlanId, body.ToJsonString());
        Assert.Equal(["quarter"], problem.ErrorFields());
        Assert.DoesNotContain("System.", problem["errors"]!.ToJsonString());
        await AssertNothingWrittenAsync(before);
        response.AssertProblemJson();
    }

    [Fact]
    public async Task Bad_input_to_an_unknown_plan_is_still_a_400()
    {
        var body = ValidBody(999);
        Set(body, "quarter", 0);
        var (response, problem) = await PostAsync(Guid.NewGuid().ToString(), body.ToJsonString());
        Assert.Equal(["quarter"], problem.ErrorFields());
        response.AssertProblemJson();
    }
}
