using System.Net;
using System.Text;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Groupings;

/// <summary>Bad input to POST and PUT /api/v1/groupings: a 400 problem naming the field, and nothing written.</summary>
public sealed class GroupingValidationTests : IClassFixture<PlanApiFactory>
{
    private static readonly string Long600 = string.Concat(Enumerable.Repeat("Cụm thi đua ", 60))[..600];

    private readonly HttpClient _client;

    public GroupingValidationTests(PlanApiFactory api)
    {
        _client = api.CreateClient();
    }

    private static string NewCode(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string url, string json)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return await _client.SendAsync(request);
    }

    private async Task AssertNotStoredAsync(string code) =>
        await (await _client.GetAsync($"/api/v1/groupings/{code}")).ProblemAsync(HttpStatusCode.NotFound);

    private static Dictionary<string, string> ValidFields() => new()
    {
        ["kind"] = "\"khoi\"",
        ["name"] = "\"Khối thi đua các quận\"",
        ["year"] = "2050",
        ["description"] = "\"Năm quận\"",
        ["memberCodes"] = "[\"ninh-kieu\", \"binh-thuy\", \"cai-rang\"]",
        ["headCode"] = "\"ninh-kieu\"",
        ["deputyCode"] = "\"binh-thuy\"",
    };

    private static string Body(Dictionary<string, string> fields, string field, string? rawValue)
    {
        if (rawValue is null) fields.Remove(field);
        else fields[field] = rawValue;
        return "{" + string.Join(", ", fields.Select(kv => $"\"{kv.Key}\": {kv.Value}")) + "}";
    }

    private static string CreateBody(string code, string field, string? rawValue)
    {
        var fields = ValidFields();
        fields["code"] = $"\"{code}\"";
        return Body(fields, field, rawValue);
    }

    public static TheoryData<string, string?, string> BadFields() => new()
    {
        // field, raw JSON value (null: omitted), field named in errors
        { "kind", "\"bogus\"", "kind" },
        { "kind", "\"Khoi\"", "kind" },
        { "kind", "1", "kind" },
        { "kind", "null", "kind" },
        { "kind", null, "kind" },
        { "name", null, "name" },
        { "name", "\"\"", "name" },
        { "name", "5", "name" },
        { "name", $"\"{Long600}\"", "name" },
        { "name", "\"Khối\\u0000thi đua\"", "name" },
        { "year", null, "year" },
        { "year", "1999", "year" },
        { "year", "2101", "year" },
        { "year", "\"abc\"", "year" },
        { "year", "true", "year" },
        { "year", "2050.5", "year" },
        { "year", "99999999999", "year" },
        { "description", $"\"{new string('m', 8001)}\"", "description" },
        { "description", "\"Năm\\u0000quận\"", "description" },
        { "description", "[]", "description" },
        { "memberCodes", "\"ninh-kieu\"", "memberCodes" },
        { "memberCodes", "[1, 2]", "memberCodes[0]" },
        { "memberCodes", "[\"ninh-kieu\", \"binh-thuy\", \"cai-rang\", \"\"]", "memberCodes[3]" },
        { "memberCodes", $"[\"ninh-kieu\", \"binh-thuy\", \"cai-rang\", \"{new string('c', 101)}\"]", "memberCodes[3]" },
        { "memberCodes", "[\"ninh-kieu\", \"binh-thuy\", \"cai-rang\", \"o-mon\\u0000\"]", "memberCodes[3]" },
        { "memberCodes", "[\"ninh-kieu\", \"binh-thuy\", \"cai-rang\", \"ninh-kieu\"]", "memberCodes" },
        { "memberCodes", "[\"ninh-kieu\", \"binh-thuy\", " + string.Join(", ", Enumerable.Range(0, 499).Select(i => $"\"don-vi-{i}\"")) + "]", "memberCodes" },
        { "headCode", "\"o-mon\"", "headCode" },
        { "headCode", "7", "headCode" },
        { "deputyCode", "\"o-mon\"", "deputyCode" },
        { "deputyCode", "\"ninh-kieu\"", "deputyCode" },
        { "deputyCode", "false", "deputyCode" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Create_with_a_bad_field_is_a_400_problem_naming_it_and_writes_nothing(string field, string? rawValue, string named)
    {
        var code = NewCode("khoi-sai");
        var problem = await (await SendRawAsync(HttpMethod.Post, "/api/v1/groupings", CreateBody(code, field, rawValue)))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([named], problem.ErrorFields());
        await AssertNotStoredAsync(code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\"\"")]
    [InlineData("12")]
    [InlineData("\"Khoi-Quan\"")]
    [InlineData("\"khoi_quan\"")]
    [InlineData("\"khoi--quan\"")]
    [InlineData("\"k\"")]
    [InlineData("\"khối-quận\"")]
    [InlineData("\"khoi-\\u0000\"")]
    public async Task Create_with_a_bad_code_is_a_400_problem_naming_code_and_writes_nothing(string? rawCode)
    {
        var fields = ValidFields();
        fields["year"] = "2051";
        var problem = await (await SendRawAsync(HttpMethod.Post, "/api/v1/groupings", Body(fields, "code", rawCode)))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["code"], problem.ErrorFields());
        Assert.Equal(0, (await _client.GetJsonAsync("/api/v1/groupings?year=2051"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_with_a_101_character_code_is_a_400_problem_naming_code()
    {
        var code = new string('k', 101);
        var problem = await (await SendRawAsync(HttpMethod.Post, "/api/v1/groupings", CreateBody(code, "year", "2050")))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["code"], problem.ErrorFields());
        await AssertNotStoredAsync(code);
    }

    [Fact]
    public async Task Create_with_an_empty_object_names_every_missing_required_field()
    {
        var problem = await (await SendRawAsync(HttpMethod.Post, "/api/v1/groupings", "{}")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["code", "kind", "name", "year"], problem.ErrorFields().Order());
    }

    [Theory]
    [InlineData("{\"code\": \"{code}\", \"kind\": \"khoi\", \"name\": ")]
    [InlineData("{\"code\": \"{code}\", \"kind\": \"khoi\", \"name\": \"Khối\", \"year\": 2050")]
    [InlineData("{\"code\": \"{code}\", \"kind\": \"khoi\", \"name\": \"Khối\", \"year\": 2050,}")]
    [InlineData("{\"code\": \"{code}\", \"kind\": \"khoi\", \"name\": \"Khối\", \"year\": 2050, \"memberCodes\": [\"ninh-kieu\",]}")]
    [InlineData("{\"code\": \"{code}\" \"kind\": \"khoi\"}")]
    public async Task Create_with_malformed_JSON_is_a_400_problem_and_writes_nothing(string template)
    {
        var code = NewCode("khoi-hong");
        var problem = await (await SendRawAsync(HttpMethod.Post, "/api/v1/groupings", template.Replace("{code}", code)))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ErrorFields());
        await AssertNotStoredAsync(code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("2050")]
    public async Task Create_with_a_body_that_is_not_an_object_is_a_400_problem_naming_the_body(string json)
    {
        var before = (await _client.GetJsonAsync("/api/v1/groupings?limit=1"))["total"]!.GetValue<int>();
        var problem = await (await SendRawAsync(HttpMethod.Post, "/api/v1/groupings", json)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["body"], problem.ErrorFields());
        Assert.Equal(before, (await _client.GetJsonAsync("/api/v1/groupings?limit=1"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_reports_every_bad_field_at_once()
    {
        var code = NewCode("khoi-nhieu");
        var fields = ValidFields();
        fields["code"] = $"\"{code}\"";
        fields["name"] = "\"\"";
        fields["year"] = "1999";
        fields["headCode"] = "\"o-mon\"";
        var problem = await (await SendRawAsync(HttpMethod.Post, "/api/v1/groupings", Body(fields, "deputyCode", "\"ninh-kieu\"")))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["headCode", "name", "year"], problem.ErrorFields().Order(StringComparer.Ordinal));
        await AssertNotStoredAsync(code);
    }

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Update_with_a_bad_field_is_a_400_problem_naming_it_and_changes_nothing(string field, string? rawValue, string named)
    {
        var code = NewCode("khoi-sua");
        await _client.PostJsonAsync("/api/v1/groupings", new
        {
            code, kind = "cum", name = "Bản gốc", year = 2052, description = "Gốc",
            memberCodes = new[] { "thot-not", "o-mon" }, headCode = "thot-not", deputyCode = "o-mon",
        }, HttpStatusCode.Created);
        var before = await _client.GetJsonAsync($"/api/v1/groupings/{code}");

        var problem = await (await SendRawAsync(HttpMethod.Put, $"/api/v1/groupings/{code}", Body(ValidFields(), field, rawValue)))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([named], problem.ErrorFields());
        Assert.Equal(before.ToJsonString(), (await _client.GetJsonAsync($"/api/v1/groupings/{code}")).ToJsonString());
    }

    [Theory]
    [InlineData("{\"kind\": \"khoi\", \"name\": ")]
    [InlineData("{\"kind\": \"khoi\", \"name\": \"Khối\", \"year\": 2050,}")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    public async Task Update_with_malformed_JSON_is_a_400_problem_and_changes_nothing(string json)
    {
        var code = NewCode("khoi-sua-hong");
        await _client.PostJsonAsync("/api/v1/groupings", new
        {
            code, kind = "cum", name = "Bản gốc", year = 2053, memberCodes = new[] { "thot-not" }, headCode = "thot-not",
        }, HttpStatusCode.Created);
        var before = await _client.GetJsonAsync($"/api/v1/groupings/{code}");

        var problem = await (await SendRawAsync(HttpMethod.Put, $"/api/v1/groupings/{code}", json)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ErrorFields());
        Assert.Equal(before.ToJsonString(), (await _client.GetJsonAsync($"/api/v1/groupings/{code}")).ToJsonString());
    }

    [Fact]
    public async Task Update_with_an_empty_object_names_the_required_fields_and_changes_nothing()
    {
        var code = NewCode("khoi-sua-rong");
        await _client.PostJsonAsync("/api/v1/groupings", new
        {
            code, kind = "khoi", name = "Bản gốc", year = 2054, memberCodes = new[] { "thot-not" },
        }, HttpStatusCode.Created);
        var before = await _client.GetJsonAsync($"/api/v1/groupings/{code}");

        var problem = await (await SendRawAsync(HttpMethod.Put, $"/api/v1/groupings/{code}", "{}")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["kind", "name", "year"], problem.ErrorFields().Order());
        Assert.Equal(before.ToJsonString(), (await _client.GetJsonAsync($"/api/v1/groupings/{code}")).ToJsonString());
    }

    [Fact]
    public async Task Create_with_a_non_JSON_content_type_is_a_415_problem()
    {
        var code = NewCode("khoi-text");
        using var content = new StringContent(CreateBody(code, "year", "2050"), Encoding.UTF8, "text/plain");
        await (await _client.PostAsync("/api/v1/groupings", content)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await AssertNotStoredAsync(code);
    }
}
