using System.Text;
using System.Text.Json.Nodes;

namespace PlanApi.Tests.Contract.BadInput;

/// <summary>The runner's checks can fail: the schema validator and the response check catch what they claim to.</summary>
public sealed class SchemaValidatorTests
{
    private static readonly ContractModel Contract = ContractModel.Load();
    private static readonly SchemaValidator Validator = new(Contract);

    private static JsonObject Schema(string name) => new() { ["$ref"] = $"#/components/schemas/{name}" };

    private static JsonObject Item() => JsonNode.Parse("""
        {
          "planId": "6f1c2d3e-4b5a-4c6d-8e7f-901234567890", "planNumber": "244/KH-UBND", "ordinal": 19, "quarter": 3, "label": "19", "group": null,
          "content": "Khen thưởng học sinh giỏi", "lead": { "code": "so-gddt-can-tho", "name": "Sở Giáo dục và Đào tạo", "shortName": null },
          "leadRole": null, "coordinators": [], "andRelatedAgencies": true, "executingUnitsText": null,
          "due": { "year": 2023, "month": 7, "part": "whole", "text": "tháng 7/2023", "start": "2023-07-01", "end": "2023-07-31", "endOfQuarter": false },
          "status": "in_progress", "percentComplete": 40, "overdue": false, "daysOverdue": 0, "completedLate": false, "completedOn": null,
          "lastReportedAt": "2023-03-15T02:00:00+00:00", "latestReportId": null,
          "createdAt": "2023-01-01T00:00:00Z", "updatedAt": "2023-03-15T02:00:00.1234567Z"
        }
        """)!.AsObject();

    [Fact]
    public void A_valid_item_passes() => Assert.Empty(Validator.Validate(Item(), Schema("PlanItemDto")));

    public static TheoryData<string, string, string> Breaks() => new()
    {
        { "unknown property", """{"extra": 1}""", "$.extra: property is not allowed" },
        { "required property missing", """{"ordinal": "__remove__"}""", "required property 'ordinal' is missing" },
        { "integer as a string", """{"ordinal": "19"}""", "$.ordinal: expected integer" },
        { "fraction for an integer", """{"ordinal": 1.5}""", "$.ordinal: expected integer" },
        { "int32 overflow", """{"ordinal": 2147483648}""", "out of the int32 range" },
        { "null where not nullable", """{"content": null}""", "$.content: null is not allowed" },
        { "enum outside the list", """{"status": "InProgress"}""", "$.status: \"InProgress\" is not one of" },
        { "bad date", """{"due": {"year": 2023, "month": 7, "part": "whole", "start": "2023-02-30", "end": "2023-07-31", "endOfQuarter": false}}""", "$.due.start: \"2023-02-30\" is not a valid date" },
        { "bad date-time", """{"createdAt": "2023-01-01 00:00:00"}""", "$.createdAt: \"2023-01-01 00:00:00\" is not a valid date-time" },
        { "bad uuid", """{"planId": "not-a-guid"}""", "$.planId: \"not-a-guid\" is not a valid uuid" },
        { "nested object through allOf", """{"lead": {"code": "x"}}""", "$.lead: required property 'name' is missing" },
        { "array item", """{"coordinators": [{"code": 1, "name": "x"}]}""", "$.coordinators[0].code: expected string" },
    };

    [Theory]
    [MemberData(nameof(Breaks))]
    public void A_broken_item_is_caught(string what, string patch, string expected)
    {
        var item = Item();
        foreach (var (name, value) in JsonNode.Parse(patch)!.AsObject())
            if (value?.ToJsonString() == "\"__remove__\"") item.Remove(name);
            else item[name] = value?.DeepClone();
        var errors = Validator.Validate(item, Schema("PlanItemDto"));
        Assert.True(errors.Any(e => e.Contains(expected, StringComparison.Ordinal)), $"{what}: expected '{expected}' in [{string.Join(" | ", errors)}]");
    }

    [Fact]
    public void A_validation_problem_needs_its_errors_and_a_problem_allows_extensions()
    {
        Assert.Contains(Validator.Validate(JsonNode.Parse("""{"status": 400, "title": "Bad request"}"""), Schema("ValidationProblemDetails")),
            e => e.Contains("required property 'errors' is missing", StringComparison.Ordinal));
        Assert.Empty(Validator.Validate(JsonNode.Parse("""{"status": 404, "title": "Not found", "traceId": "00-ab"}"""), Schema("ProblemDetails")));
        Assert.NotEmpty(Validator.Validate(JsonNode.Parse("""{"status": 400, "errors": {"name": "not an array"}}"""), Schema("ValidationProblemDetails")));
    }

    [Fact]
    public void Every_response_example_of_the_contract_matches_its_schema()
    {
        var failures = new List<string>();
        foreach (var (path, item) in Contract.Document["paths"]!.AsObject())
            foreach (var (method, op) in item!.AsObject())
                foreach (var (status, response) in op!["responses"]!.AsObject())
                    foreach (var (mediaType, media) in response!["content"]?.AsObject() ?? [])
                        if (media!["schema"] is { } schema && media["example"] is { } example && mediaType.Contains("json", StringComparison.Ordinal))
                            failures.AddRange(Validator.Validate(example, schema).Select(e => $"{method.ToUpperInvariant()} {path} {status}: {e}"));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_response_check_refuses_undocumented_statuses_wrong_media_types_and_bodies_on_204()
    {
        var check = new ResponseCheck(Validator);
        var get = Contract.Operations.Single(o => o.Name == "GET /api/v1/plans/{planId}");
        var delete = Contract.Operations.Single(o => o.Name == "DELETE /api/v1/plans/{planId}");
        var problem = Encoding.UTF8.GetBytes("""{"status": 415, "title": "Unsupported Media Type"}""");

        Assert.Contains(check.Check(get, 415, "application/problem+json", problem), i => i.StartsWith("status 415 is not documented", StringComparison.Ordinal));
        Assert.Contains(check.Check(get, 404, "text/plain", Encoding.UTF8.GetBytes("Not found")), i => i.Contains("not application/problem+json", StringComparison.Ordinal));
        Assert.Contains(check.Check(get, 404, "application/problem+json", problem), i => i.Contains("differs from the HTTP status", StringComparison.Ordinal));
        Assert.Contains(check.Check(delete, 204, null, [1]), i => i.Contains("204 with a 1-byte body", StringComparison.Ordinal));
        Assert.Empty(check.Check(delete, 204, null, []));
        Assert.Empty(check.Check(get, 404, "application/problem+json", Encoding.UTF8.GetBytes("""{"status": 404, "title": "Not found"}""")));
    }
}
