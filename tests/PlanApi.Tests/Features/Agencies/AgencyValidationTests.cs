using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Agencies;

/// <summary>Bad input to POST and PUT /api/v1/agencies: a 400 problem naming the field, and nothing written.</summary>
public sealed class AgencyValidationTests : IClassFixture<PlanApiFactory>
{
    private static readonly string Long600 = string.Concat(Enumerable.Repeat("Ủy ban nhân dân ", 40))[..600];

    private readonly HttpClient _client;

    public AgencyValidationTests(PlanApiFactory api)
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
        await (await _client.GetAsync($"/api/v1/agencies/{code}")).ProblemAsync(HttpStatusCode.NotFound);

    /// <summary>A valid create body with one field replaced by raw JSON (or removed when <paramref name="rawValue"/> is null).</summary>
    private static string CreateBody(string code, string field, string? rawValue)
    {
        var fields = new Dictionary<string, string>
        {
            ["code"] = $"\"{code}\"",
            ["name"] = "\"Phòng Kiểm tra\"",
            ["shortName"] = "\"Phòng KT\"",
            ["aliases"] = "[\"Phòng KT thành phố\"]",
            ["kind"] = "\"department\"",
            ["parentCode"] = "null",
        };
        if (rawValue is null) fields.Remove(field);
        else fields[field] = rawValue;
        return "{" + string.Join(", ", fields.Select(kv => $"\"{kv.Key}\": {kv.Value}")) + "}";
    }

    private static string UpdateBody(string field, string? rawValue)
    {
        var fields = new Dictionary<string, string>
        {
            ["name"] = "\"Tên đã sửa\"",
            ["shortName"] = "\"Đã sửa\"",
            ["aliases"] = "[\"Bí danh đã sửa\"]",
            ["kind"] = "\"council\"",
            ["parentCode"] = "\"ubnd-can-tho\"",
        };
        if (rawValue is null) fields.Remove(field);
        else fields[field] = rawValue;
        return "{" + string.Join(", ", fields.Select(kv => $"\"{kv.Key}\": {kv.Value}")) + "}";
    }

    public static TheoryData<string, string?, string> BadFields() => new()
    {
        // field, raw JSON value (null: omitted), field named in errors
        { "name", null, "name" },
        { "name", "null", "name" },
        { "name", "\"\"", "name" },
        { "name", "\"   \"", "name" },
        { "name", "123", "name" },
        { "name", "[\"Phòng\"]", "name" },
        { "name", $"\"{Long600}\"", "name" },
        { "name", "\"Phòng\\u0000Kiểm tra\"", "name" },
        { "name", "\"Phòng\\u001bKiểm tra\"", "name" },
        { "shortName", $"\"{Long600}\"", "shortName" },
        { "shortName", "\"Phòng\\u0000KT\"", "shortName" },
        { "shortName", "true", "shortName" },
        { "aliases", "\"Phòng KT\"", "aliases" },
        { "aliases", "[1]", "aliases[0]" },
        { "aliases", "[\"\"]", "aliases[0]" },
        { "aliases", $"[\"ok\", \"{Long600}\"]", "aliases[1]" },
        { "aliases", "[\"Phòng\\u0000KT\"]", "aliases[0]" },
        { "aliases", "[" + string.Join(", ", Enumerable.Range(1, 51).Select(i => $"\"Bí danh {i}\"")) + "]", "aliases" },
        { "kind", "\"bogus\"", "kind" },
        { "kind", "\"District\"", "kind" },
        { "kind", "\"\"", "kind" },
        { "kind", "2", "kind" },
        { "kind", "null", "kind" },
        { "kind", null, "kind" },
        { "parentCode", "42", "parentCode" },
        { "parentCode", $"\"{new string('p', 101)}\"", "parentCode" },
        { "parentCode", "\"so-noi-vu-can-tho\\u0000\"", "parentCode" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Create_with_a_bad_field_is_a_400_problem_naming_it_and_writes_nothing(string field, string? rawValue, string named)
    {
        var code = NewCode("sai");
        var problem = await (await SendRawAsync(HttpMethod.Post, "/api/v1/agencies", CreateBody(code, field, rawValue)))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([named], problem.ErrorFields());
        await AssertNotStoredAsync(code);
    }

    [Theory]
    [InlineData("code", null)]
    [InlineData("code", "null")]
    [InlineData("code", "42")]
    [InlineData("code", "\"so-x\\u0000\"")]
    public async Task Create_with_a_bad_code_is_a_400_problem_naming_code(string field, string? rawValue)
    {
        var before = (await _client.GetJsonAsync("/api/v1/agencies?limit=1"))["total"]!.GetValue<int>();
        var problem = await (await SendRawAsync(HttpMethod.Post, "/api/v1/agencies", CreateBody("unused", field, rawValue)))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["code"], problem.ErrorFields());
        Assert.Equal(before, (await _client.GetJsonAsync("/api/v1/agencies?limit=1"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_with_an_empty_object_names_every_missing_required_field()
    {
        var problem = await (await SendRawAsync(HttpMethod.Post, "/api/v1/agencies", "{}")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["code", "kind", "name"], problem.ErrorFields().Order());
    }

    [Theory]
    [InlineData("{\"code\": \"{code}\", \"name\": ")]
    [InlineData("{\"code\": \"{code}\", \"name\": \"Phòng\", \"kind\": \"department\"")]
    [InlineData("{\"code\": \"{code}\", \"name\": \"Phòng\", \"kind\": \"department\",}")]
    [InlineData("{\"code\": \"{code}\", \"name\": 'Phòng', \"kind\": \"department\"}")]
    [InlineData("{\"code\": \"{code}\" \"name\": \"Phòng\", \"kind\": \"department\"}")]
    [InlineData("{code: \"{code}\", \"name\": \"Phòng\", \"kind\": \"department\"}")]
    public async Task Create_with_malformed_JSON_is_a_400_problem_and_writes_nothing(string template)
    {
        var code = NewCode("hong");
        var problem = await (await SendRawAsync(HttpMethod.Post, "/api/v1/agencies", template.Replace("{code}", code)))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ErrorFields());
        await AssertNotStoredAsync(code);
    }

    [Theory]
    [InlineData("", "body")]
    [InlineData("null", "body")]
    [InlineData("[]", "body")]
    [InlineData("\"so-x\"", "body")]
    public async Task Create_with_a_body_that_is_not_an_object_is_a_400_problem_naming_the_body(string json, string named)
    {
        var before = (await _client.GetJsonAsync("/api/v1/agencies?limit=1"))["total"]!.GetValue<int>();
        var problem = await (await SendRawAsync(HttpMethod.Post, "/api/v1/agencies", json)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([named], problem.ErrorFields());
        Assert.Equal(before, (await _client.GetJsonAsync("/api/v1/agencies?limit=1"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_with_a_non_JSON_content_type_is_a_415_problem()
    {
        var code = NewCode("text");
        using var content = new StringContent(CreateBody(code, "name", "\"Phòng\""), Encoding.UTF8, "text/plain");
        await (await _client.PostAsync("/api/v1/agencies", content)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await AssertNotStoredAsync(code);
    }

    [Fact]
    public async Task Create_reports_every_bad_field_at_once()
    {
        var code = NewCode("nhieu-loi");
        var json = $"{{\"code\": \"{code}\", \"name\": \"\", \"shortName\": \"{Long600}\", \"aliases\": [\"\"], \"kind\": \"department\"}}";
        var problem = await (await SendRawAsync(HttpMethod.Post, "/api/v1/agencies", json)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["aliases[0]", "name", "shortName"], problem.ErrorFields().Order(StringComparer.Ordinal));
        await AssertNotStoredAsync(code);
    }

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Update_with_a_bad_field_is_a_400_problem_naming_it_and_changes_nothing(string field, string? rawValue, string named)
    {
        var code = NewCode("sua-sai");
        await _client.PostJsonAsync("/api/v1/agencies",
            new { code, name = "Bản gốc", shortName = "Gốc", aliases = new[] { "Bí danh gốc" }, kind = "department" },
            HttpStatusCode.Created);
        var before = await _client.GetJsonAsync($"/api/v1/agencies/{code}");

        var problem = await (await SendRawAsync(HttpMethod.Put, $"/api/v1/agencies/{code}", UpdateBody(field, rawValue)))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([named], problem.ErrorFields());
        Assert.Equal(before.ToJsonString(), (await _client.GetJsonAsync($"/api/v1/agencies/{code}")).ToJsonString());
    }

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("{\"name\": \"Tên đã sửa\", \"kind\": \"council\",}")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    public async Task Update_with_malformed_JSON_is_a_400_problem_and_changes_nothing(string json)
    {
        var code = NewCode("sua-hong");
        await _client.PostJsonAsync("/api/v1/agencies", new { code, name = "Bản gốc", kind = "department" }, HttpStatusCode.Created);
        var before = await _client.GetJsonAsync($"/api/v1/agencies/{code}");

        var problem = await (await SendRawAsync(HttpMethod.Put, $"/api/v1/agencies/{code}", json)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.ErrorFields());
        Assert.Equal(before.ToJsonString(), (await _client.GetJsonAsync($"/api/v1/agencies/{code}")).ToJsonString());
    }

    [Fact]
    public async Task Update_with_an_empty_object_names_the_required_fields_and_changes_nothing()
    {
        var code = NewCode("sua-rong");
        await _client.PostJsonAsync("/api/v1/agencies", new { code, name = "Bản gốc", kind = "district" }, HttpStatusCode.Created);
        var before = await _client.GetJsonAsync($"/api/v1/agencies/{code}");

        var problem = await (await SendRawAsync(HttpMethod.Put, $"/api/v1/agencies/{code}", "{}")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["kind", "name"], problem.ErrorFields().Order());
        Assert.Equal(before.ToJsonString(), (await _client.GetJsonAsync($"/api/v1/agencies/{code}")).ToJsonString());
    }

    [Fact]
    public async Task Update_of_an_unknown_agency_with_a_bad_body_is_a_400_problem()
    {
        var code = NewCode("khong-co");
        var problem = await (await SendRawAsync(HttpMethod.Put, $"/api/v1/agencies/{code}", UpdateBody("name", "\"\"")))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["name"], problem.ErrorFields());
        await AssertNotStoredAsync(code);
    }
}
