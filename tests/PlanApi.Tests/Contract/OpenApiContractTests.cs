using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Contract;

/// <summary>
/// The committed contract (openapi/v1.json) is what clients generate from: the served document must equal it.
/// After an intended change, regenerate it with <c>UPDATE_OPENAPI=1 scripts/test.sh</c> and commit the diff.
/// </summary>
public sealed class OpenApiContractTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private async Task<JsonObject> ServedAsync()
    {
        var json = await api.CreateClient().GetStringAsync("/openapi/v1.json");
        return JsonNode.Parse(json)!.AsObject();
    }

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(op => Methods.Contains(op.Key))
            .Select(op => (path.Key, op.Key, op.Value!.AsObject())));

    [Fact]
    public async Task Served_document_equals_the_committed_contract()
    {
        var served = await ServedAsync();
        var file = Path.Combine(RepositoryRoot(), "openapi", "v1.json");
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            await File.WriteAllTextAsync(file, served.ToJsonString(options) + "\n");
        }
        Assert.True(File.Exists(file), $"{file} is missing. Run: UPDATE_OPENAPI=1 scripts/test.sh");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        Assert.True(JsonNode.DeepEquals(committed, served),
            "The served OpenAPI document differs from openapi/v1.json. If the change is intended, run " +
            "`UPDATE_OPENAPI=1 scripts/test.sh` and commit openapi/v1.json; otherwise the API broke its contract.");
    }

    [Fact]
    public async Task Every_operation_is_documented_with_examples_and_problem_responses()
    {
        var document = await ServedAsync();
        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 22, $"Only {operations.Count} operations are published.");
        foreach (var (path, method, op) in operations)
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            Assert.False(string.IsNullOrWhiteSpace(op["summary"]?.GetValue<string>()), $"{name} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(op["description"]?.GetValue<string>()), $"{name} has no description");
            Assert.False(string.IsNullOrWhiteSpace(op["operationId"]?.GetValue<string>()), $"{name} has no operationId");
            var responses = op["responses"]!.AsObject();
            foreach (var code in new[] { "400", "500", "503" })
                Assert.True(responses.ContainsKey(code), $"{name} does not document {code}");
            if (path.Contains('{')) Assert.True(responses.ContainsKey("404"), $"{name} does not document 404");
            foreach (var (code, response) in responses)
            {
                var content = response!["content"]?.AsObject();
                if (code is "204" or "304") { Assert.Null(content); continue; }
                Assert.True(content is { Count: > 0 }, $"{name} {code} has no content");
                foreach (var (mediaType, media) in content!)
                {
                    Assert.True(media!["example"] is not null, $"{name} {code} {mediaType} has no example");
                    if (code[0] is '4' or '5')
                    {
                        Assert.Equal("application/problem+json", mediaType);
                        Assert.Contains("ProblemDetails", media["schema"]!["$ref"]!.GetValue<string>());
                    }
                }
            }
            if (op["requestBody"] is { } body)
            {
                var content = body["content"]!.AsObject();
                // JSON bodies carry an example; uploads (plan imports) are multipart with described fields.
                var mediaType = Assert.Single(content).Key;
                Assert.Contains(mediaType, new[] { "application/json", "multipart/form-data" });
                if (mediaType == "application/json")
                    Assert.True(content[mediaType]!["example"] is not null, $"{name} request has no example");
                else
                    Assert.True(content[mediaType]!["schema"]!["properties"]!["file"] is not null, $"{name} upload has no file field");
            }
        }
    }

    [Fact]
    public async Task Enums_are_published_as_the_snake_case_words_the_api_speaks()
    {
        var schemas = (await ServedAsync())["components"]!["schemas"]!;
        Assert.Equal(["not_started", "in_progress", "completed", "postponed", "cancelled"],
            schemas["ItemStatus"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains("mass_organisation", schemas["AgencyKind"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task Swagger_ui_is_served()
    {
        var html = await api.CreateClient().GetStringAsync("/swagger/index.html");
        Assert.Contains("swagger-ui", html);
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PlanApi.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("PlanApi.sln not found above the test binaries.");
    }
}
