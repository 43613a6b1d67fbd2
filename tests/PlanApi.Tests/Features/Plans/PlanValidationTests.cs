using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Plans.PlanRequests;

namespace PlanApi.Tests.Features.Plans;

/// <summary>Bad input to POST and PUT /api/v1/plans: a 400 problem that names the field, and nothing written.</summary>
public sealed class PlanValidationTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private const string PutTargetNumber = "9999/KH-PUT";
    private static readonly ConcurrentDictionary<string, string> PutTargets = new();
    private readonly HttpClient _client = api.CreateClient();

    /// <summary>(path in the body, the JSON value to put there, the field the 400 must name).</summary>
    public static TheoryData<string, string, string> BadFields => new()
    {
        { "title", Str(new string('t', 600)), "title" },
        { "title", Str(new string('t', 501)), "title" },
        { "title", Str(""), "title" },
        { "title", Str("   "), "title" },
        { "title", "null", "title" },
        { "title", "123", "title" },
        { "title", Str("Kế hoạch\0thi đua"), "title" },
        { "title", Str("Kế hoạch \u001b[31m"), "title" },
        { "number", Str("244-KH-UBND"), "number" },
        { "number", Str("1/" + new string('K', 99)), "number" },
        { "number", Str(""), "number" },
        { "number", Str("244/KH\0"), "number" },
        { "number", "244", "number" },
        { "issuerCode", Str(""), "issuerCode" },
        { "issuerCode", Str(new string('a', 101)), "issuerCode" },
        { "issuerCode", Str("ubnd-can-tho\0"), "issuerCode" },
        { "documentType", Str(new string('K', 17)), "documentType" },
        { "documentType", Str("KH\0"), "documentType" },
        { "place", Str(new string('p', 501)), "place" },
        { "place", Str("Cần\0Thơ"), "place" },
        { "preamble", Str(new string('x', 10_000)), "preamble" },
        { "preamble", Str("Mở đầu\0"), "preamble" },
        { "issuedOn", Str("2023-02-30"), "issuedOn" },
        { "issuedOn", Str("20/12/2022"), "issuedOn" },
        { "issuedOn", Str("1900-01-01"), "issuedOn" },
        { "issuedOn", Str("2101-01-01"), "issuedOn" },
        { "issuedOn", "20221220", "issuedOn" },
        { "year", Str("x"), "year" },
        { "year", "1999", "year" },
        { "year", "2101", "year" },
        { "year", "-2024", "year" },
        { "year", "0", "year" },
        { "year", "99999999999", "year" },
        { "year", "2024.5", "year" },
        { "year", "null", "year" },
        { "lifecycle", Str("bogus"), "lifecycle" },
        { "lifecycle", Str(""), "lifecycle" },
        { "lifecycle", "1", "lifecycle" },
        { "lifecycle", "true", "lifecycle" },
        { "legalBases", Str("42/NQ-HĐND"), "legalBases" },
        { "legalBases", System.Text.Json.JsonSerializer.Serialize(Enumerable.Range(1, 201).Select(i => new { number = $"{i}/NQ" })), "legalBases" },
        { "legalBases[0].number", Str(""), "legalBases[0].number" },
        { "legalBases[0].number", Str("42/NQ\0"), "legalBases[0].number" },
        { "legalBases[0].title", Str(new string('x', 8001)), "legalBases[0].title" },
        { "legalBases[0].title", Str("về việc\0"), "legalBases[0].title" },
        { "legalBases[0].documentType", Str(new string('N', 17)), "legalBases[0].documentType" },
        { "legalBases[0].documentType", Str("NQ\0"), "legalBases[0].documentType" },
        { "legalBases[0].issuerName", Str("Hội đồng\0"), "legalBases[0].issuerName" },
        { "legalBases[0].issuerCode", Str("hdnd-can-tho\0"), "legalBases[0].issuerCode" },
        { "legalBases[0].date", Str("2022-13-01"), "legalBases[0].date" },
        { "purposes[0].text", Str(new string('x', 10_000)), "purposes[0].text" },
        { "purposes[0].text", Str(""), "purposes[0].text" },
        { "purposes[0].text", Str("Đẩy mạnh\0"), "purposes[0].text" },
        { "purposes[0].label", Str(new string('a', 17)), "purposes[0].label" },
        { "purposes[0].label", Str("a\0"), "purposes[0].label" },
        { "requirements[0].text", Str("Yêu cầu\0"), "requirements[0].text" },
        { "duties[0].ordinal", "0", "duties[0].ordinal" },
        { "duties[0].ordinal", "-5", "duties[0].ordinal" },
        { "duties[0].ordinal", "1001", "duties[0].ordinal" },
        { "duties[0].ordinal", Str("x"), "duties[0].ordinal" },
        { "duties[0].text", Str(""), "duties[0].text" },
        { "duties[0].text", Str("Giao\0"), "duties[0].text" },
        { "duties[0].agencyCodes", StrArray(101, i => $"agency-{i}"), "duties[0].agencyCodes" },
        { "duties[0].agencyCodes[0]", Str(""), "duties[0].agencyCodes[0]" },
        { "duties[0].agencyCodes[0]", Str("ban-tdkt-can-tho\0"), "duties[0].agencyCodes[0]" },
        { "recipients", StrArray(201, i => $"Nơi nhận {i}"), "recipients" },
        { "recipients", Str("Văn phòng Chính phủ"), "recipients" },
        { "recipients[0]", Str(""), "recipients[0]" },
        { "recipients[0]", Str(new string('r', 501)), "recipients[0]" },
        { "recipients[0]", Str("Văn phòng\0Chính phủ"), "recipients[0]" },
        { "legalBases", "[null]", "legalBases[0]" },
        { "purposes", "[null]", "purposes[0]" },
        { "requirements", "[null]", "requirements[0]" },
        { "duties", "[null]", "duties[0]" },
        { "duties[0].agencyCodes", "[null]", "duties[0].agencyCodes[0]" },
        { "recipients", "[null]", "recipients[0]" },
        { "signature", Str("Trần Việt Trường"), "signature" },
        { "signature.position", Str(""), "signature.position" },
        { "signature.signer", Str(""), "signature.signer" },
        { "signature.signer", Str(new string('s', 501)), "signature.signer" },
        { "signature.authorityPrefix", Str("XX."), "signature.authorityPrefix" },
        { "signature.signer", Str("Trần\0Việt Trường"), "signature.signer" },
        { "signature.position", Str("Chủ tịch\0"), "signature.position" },
        { "signature.authorityBody", Str("Ủy ban\0nhân dân"), "signature.authorityBody" },
    };

    public static TheoryData<string> RequiredFields => new() { "issuerCode", "number", "issuedOn", "year", "title" };

    public static TheoryData<string> MalformedBodies => new()
    {
        "{\"issuerCode\": \"ubnd-can-tho\", \"number\": ",
        "{\"issuerCode\": \"ubnd-can-tho\", \"title\": \"Kế hoạch\"",
        "{\"issuerCode\": \"ubnd-can-tho\",}",
        "{issuerCode: 'ubnd-can-tho'}",
        "not json at all",
        "[]",
        "\"Kế hoạch\"",
        "",
        "null",
    };

    private async Task<int> PlanCountAsync()
    {
        await using var db = api.NewDbContext();
        return await db.Plans.CountAsync();
    }

    /// <summary>A draft plan the PUT cases try to overwrite; created once per class.</summary>
    private async Task<string> PutTargetAsync()
    {
        if (PutTargets.TryGetValue(api.Database, out var id)) return id;
        id = await _client.CreatePlanIdAsync(PlanBody(PutTargetNumber, year: 2099, issuedOn: "2098-12-01"));
        PutTargets[api.Database] = id;
        return id;
    }

    private async Task AssertNoPlanWithNumberAsync(string number) =>
        Assert.Equal(0, (await _client.GetJsonAsync($"{PlansUrl}?q={Uri.EscapeDataString(number)}")).Int("total"));

    [Fact]
    public async Task The_valid_body_used_by_these_tests_is_accepted()
    {
        var plan = await _client.CreatePlanAsync(PlanBody(UniqueNumber()));
        Assert.Equal("draft", plan.Text("lifecycle"));
    }

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Post_with_bad_field_is_400_naming_it_and_writes_nothing(string path, string json, string field)
    {
        var count = await PlanCountAsync();
        var number = UniqueNumber("KH-BAD");
        var body = PlanBody(number);
        Set(body, path, JsonNode.Parse(json));

        var response = await _client.SendJsonAsync(HttpMethod.Post, PlansUrl, body.ToJsonString());

        (await response.BadRequestAsync()).AssertNames(field);
        Assert.Equal(count, await PlanCountAsync());
        if (path != "number") await AssertNoPlanWithNumberAsync(number);
        response.AssertProblemJson();
    }

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Put_with_bad_field_is_400_naming_it_and_changes_nothing(string path, string json, string field)
    {
        var id = await PutTargetAsync();
        var before = await _client.GetJsonAsync($"{PlansUrl}/{id}");
        var body = PlanBody(PutTargetNumber, year: 2099, issuedOn: "2098-12-01", title: "Không được lưu");
        Set(body, path, JsonNode.Parse(json));

        var response = await _client.SendJsonAsync(HttpMethod.Put, $"{PlansUrl}/{id}", body.ToJsonString());

        (await response.BadRequestAsync()).AssertNames(field);
        Assert.Equal(before.ToJsonString(), (await _client.GetJsonAsync($"{PlansUrl}/{id}")).ToJsonString());
        response.AssertProblemJson();
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task Post_without_required_field_is_400_naming_it_and_writes_nothing(string field)
    {
        var count = await PlanCountAsync();
        var body = PlanBody(UniqueNumber());
        Assert.True(body.Remove(field));
        var response = await _client.SendJsonAsync(HttpMethod.Post, PlansUrl, body.ToJsonString());
        (await response.BadRequestAsync()).AssertNames(field);
        Assert.Equal(count, await PlanCountAsync());
        response.AssertProblemJson();
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task Put_without_required_field_is_400_naming_it_and_changes_nothing(string field)
    {
        var id = await PutTargetAsync();
        var before = await _client.GetJsonAsync($"{PlansUrl}/{id}");
        var body = PlanBody(PutTargetNumber, year: 2099, issuedOn: "2098-12-01", title: "Không được lưu");
        Assert.True(body.Remove(field));
        var response = await _client.SendJsonAsync(HttpMethod.Put, $"{PlansUrl}/{id}", body.ToJsonString());
        (await response.BadRequestAsync()).AssertNames(field);
        Assert.Equal(before.ToJsonString(), (await _client.GetJsonAsync($"{PlansUrl}/{id}")).ToJsonString());
        response.AssertProblemJson();
    }

    [Fact]
    public async Task Post_of_an_empty_object_names_every_required_field()
    {
        var count = await PlanCountAsync();
        var response = await _client.SendJsonAsync(HttpMethod.Post, PlansUrl, "{}");
        var problem = await response.BadRequestAsync();
        foreach (var field in new[] { "issuerCode", "number", "issuedOn", "year", "title" }) problem.AssertNames(field);
        Assert.Equal(count, await PlanCountAsync());
        response.AssertProblemJson();
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Post_of_malformed_json_is_400_problem_and_writes_nothing(string json)
    {
        var count = await PlanCountAsync();
        var response = await _client.SendJsonAsync(HttpMethod.Post, PlansUrl, json);
        var problem = await response.BadRequestAsync();
        Assert.NotEmpty(problem.ErrorFields());
        Assert.DoesNotContain("", problem.ErrorFields());
        Assert.Equal(count, await PlanCountAsync());
        response.AssertProblemJson();
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Put_of_malformed_json_is_400_problem_and_changes_nothing(string json)
    {
        var id = await PutTargetAsync();
        var before = await _client.GetJsonAsync($"{PlansUrl}/{id}");
        var response = await _client.SendJsonAsync(HttpMethod.Put, $"{PlansUrl}/{id}", json);
        var problem = await response.BadRequestAsync();
        Assert.NotEmpty(problem.ErrorFields());
        Assert.DoesNotContain("", problem.ErrorFields());
        Assert.Equal(before.ToJsonString(), (await _client.GetJsonAsync($"{PlansUrl}/{id}")).ToJsonString());
        response.AssertProblemJson();
    }

    [Fact]
    public async Task Post_with_a_wrong_type_names_the_field_by_its_json_name()
    {
        var body = PlanBody(UniqueNumber());
        Set(body, "year", "x");
        Set(body, "lifecycle", "bogus");
        var response = await _client.SendJsonAsync(HttpMethod.Post, PlansUrl, body.ToJsonString());
        var problem = await response.BadRequestAsync();
        problem.AssertNames("year");
        Assert.DoesNotContain("$.year", problem.ErrorFields());
        Assert.All(problem["errors"]!.AsObject(), e => Assert.DoesNotContain("System.", e.Value!.ToJsonString()));
        response.AssertProblemJson();
    }

    [Fact]
    public async Task Post_of_several_bad_fields_names_each_of_them()
    {
        var count = await PlanCountAsync();
        var body = PlanBody(UniqueNumber());
        Set(body, "title", new string('t', 600));
        Set(body, "preamble", new string('p', 10_000));
        Set(body, "year", 1999);
        Set(body, "number", "khong-co-ky-hieu");
        var response = await _client.SendJsonAsync(HttpMethod.Post, PlansUrl, body.ToJsonString());
        var problem = await response.BadRequestAsync();
        Assert.Equal(["number", "preamble", "title", "year"], problem.ErrorFields().Order());
        Assert.Equal(count, await PlanCountAsync());
        response.AssertProblemJson();
    }

    [Fact]
    public async Task Post_with_a_lone_surrogate_is_400_and_writes_nothing()
    {
        var count = await PlanCountAsync();
        var json = PlanBody(UniqueNumber()).ToJsonString().Replace("\"title\":\"", "\"title\":\"\\ud800", StringComparison.Ordinal);
        var response = await _client.SendJsonAsync(HttpMethod.Post, PlansUrl, json);
        (await response.BadRequestAsync()).AssertNames("title");
        Assert.Equal(count, await PlanCountAsync());
        response.AssertProblemJson();
    }

    [Fact]
    public async Task Post_as_plain_text_is_415_and_writes_nothing()
    {
        var count = await PlanCountAsync();
        using var content = new StringContent(PlanBody(UniqueNumber()).ToJsonString(), System.Text.Encoding.UTF8, "text/plain");
        var response = await _client.PostAsync(PlansUrl, content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(count, await PlanCountAsync());
        response.AssertProblemJson();
    }
}
