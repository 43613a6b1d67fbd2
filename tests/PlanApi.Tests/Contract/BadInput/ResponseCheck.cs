using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlanApi.Tests.Contract.BadInput;

/// <summary>
/// Holds one answer to the contract: its status is one the operation documents, 204 and 304 have no body, errors
/// are <c>application/problem+json</c>, the media type is a documented one and a JSON body validates against the
/// documented schema (a problem's <c>status</c> equal to the HTTP status, and no stack trace in it).
/// </summary>
public sealed class ResponseCheck(SchemaValidator validator)
{
    private const string ProblemJson = "application/problem+json";

    public IReadOnlyList<string> Check(ContractOperation op, int status, string? mediaType, byte[] body)
    {
        var issues = new List<string>();
        var documented = op.ResponseFor(status);
        if (documented is null)
            issues.Add($"status {status} is not documented (documented: {string.Join(", ", op.Responses.Keys.Order())})");

        if (status is 204 or 304)
        {
            if (body.Length > 0) issues.Add($"{status} with a {body.Length}-byte body");
            return issues;
        }

        if (status >= 400)
        {
            if (body.Length == 0) issues.Add("error without a problem details body");
            else if (!string.Equals(mediaType, ProblemJson, StringComparison.OrdinalIgnoreCase))
                issues.Add($"error with Content-Type {mediaType ?? "(none)"}, not {ProblemJson}");
        }

        if (documented is null) return issues;
        if (documented.Content.Count == 0)
        {
            if (body.Length > 0) issues.Add($"documented without content, but has a {body.Length}-byte {mediaType} body");
            return issues;
        }
        if (body.Length == 0)
        {
            issues.Add($"empty body (documented: {string.Join(", ", documented.Content.Keys)})");
            return issues;
        }
        var match = documented.Content.FirstOrDefault(c => string.Equals(c.Key, mediaType, StringComparison.OrdinalIgnoreCase));
        if (match.Key is null)
        {
            // Errors already reported a wrong media type above; say it once.
            if (status < 400) issues.Add($"Content-Type {mediaType ?? "(none)"} is not documented (documented: {string.Join(", ", documented.Content.Keys)})");
            return issues;
        }
        if (match.Value is not { } schema || !IsJson(match.Key)) return issues;

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            issues.Add($"body is not JSON ({e.Message})");
            return issues;
        }
        issues.AddRange(validator.Validate(json, schema).Select(e => $"schema {SchemaName(schema)}: {e}"));
        if (string.Equals(match.Key, ProblemJson, StringComparison.OrdinalIgnoreCase) && json is JsonObject problem)
        {
            if (problem["status"] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.ToJsonString() != status.ToString(System.Globalization.CultureInfo.InvariantCulture))
                issues.Add($"problem status {value.ToJsonString()} differs from the HTTP status {status}");
            var text = json.ToJsonString();
            if (text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal))
                issues.Add("problem details carry exception details");
        }
        return issues;
    }

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static string SchemaName(JsonObject schema) =>
        schema["$ref"]?.GetValue<string>().Split('/')[^1] ?? schema["type"]?.GetValue<string>() ?? "schema";
}
