using System.Text.Json.Nodes;

namespace PlanApi.Tests.Contract.BadInput;

/// <summary>
/// The committed contract (openapi/v1.json) as the bad-input runner reads it: every operation with its parameters,
/// request body (media type, schema, example) and documented responses (status → media type → schema).
/// Schemas stay as JSON; <see cref="Resolve"/> follows <c>$ref</c> and <see cref="View"/> flattens a schema for the
/// request generator.
/// </summary>
public sealed class ContractModel
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private ContractModel(JsonObject document)
    {
        Document = document;
        Operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(op => Methods.Contains(op.Key))
                .Select(op => ReadOperation(path.Key, op.Key, op.Value!.AsObject(), path.Value!.AsObject())))
            .ToList();
    }

    public JsonObject Document { get; }

    public IReadOnlyList<ContractOperation> Operations { get; }

    public static ContractModel Load()
    {
        var file = Path.Combine(OpenApiContractTests.RepositoryRoot(), "openapi", "v1.json");
        return new ContractModel(JsonNode.Parse(File.ReadAllText(file))!.AsObject());
    }

    /// <summary>Follows <c>$ref</c> (local references only) until a schema without one.</summary>
    public JsonObject Resolve(JsonNode schema)
    {
        var current = schema.AsObject();
        for (var hops = 0; current["$ref"] is { } reference; hops++)
        {
            if (hops > 32) throw new InvalidOperationException($"$ref cycle at {reference}");
            var pointer = reference.GetValue<string>();
            if (!pointer.StartsWith("#/", StringComparison.Ordinal)) throw new NotSupportedException($"Only local $ref is supported: {pointer}");
            JsonNode node = Document;
            foreach (var segment in pointer[2..].Split('/'))
                node = node[segment.Replace("~1", "/").Replace("~0", "~")] ?? throw new KeyNotFoundException($"$ref {pointer} not found");
            current = node.AsObject();
        }
        return current;
    }

    /// <summary>
    /// The schema as one flat view: <c>type</c>, <c>format</c>, <c>enum</c>, properties and items merged over
    /// <c>$ref</c> and <c>allOf</c>; <c>nullable</c> taken from the outermost schema that says it.
    /// </summary>
    public SchemaView View(JsonNode schema)
    {
        var view = new SchemaView();
        Merge(view, schema.AsObject(), outer: true);
        return view;
    }

    private void Merge(SchemaView view, JsonObject schema, bool outer)
    {
        if (outer && schema["nullable"]?.GetValue<bool>() == true) view.Nullable = true;
        var resolved = Resolve(schema);
        if (!ReferenceEquals(resolved, schema)) { Merge(view, resolved, outer: false); return; }
        if (schema["type"] is { } type) view.Type ??= type.GetValue<string>();
        if (schema["format"] is { } format) view.Format ??= format.GetValue<string>();
        if (schema["enum"] is JsonArray values) view.Enum ??= values.Select(v => v!.GetValue<string>()).ToList();
        if (schema["items"] is { } items) view.Items ??= items;
        if (schema["properties"] is JsonObject properties)
            foreach (var (name, property) in properties)
                view.Properties.TryAdd(name, property!);
        if (schema["required"] is JsonArray required)
            foreach (var name in required) view.Required.Add(name!.GetValue<string>());
        if (schema["allOf"] is JsonArray all)
            foreach (var part in all) Merge(view, part!.AsObject(), outer: false);
    }

    private ContractOperation ReadOperation(string path, string method, JsonObject op, JsonObject pathItem)
    {
        var parameters = new List<ContractParameter>();
        foreach (var source in new[] { pathItem["parameters"], op["parameters"] })
            if (source is JsonArray list)
                foreach (var p in list)
                {
                    var parameter = Resolve(p!);
                    parameters.Add(new ContractParameter(
                        parameter["name"]!.GetValue<string>(), parameter["in"]!.GetValue<string>(),
                        parameter["required"]?.GetValue<bool>() == true, parameter["schema"]?.AsObject() ?? new JsonObject()));
                }

        ContractBody? body = null;
        if (op["requestBody"] is { } requestBody)
        {
            var (mediaType, media) = Resolve(requestBody)["content"]!.AsObject().Single();
            body = new ContractBody(mediaType, media!["schema"]!.AsObject(), media["example"]);
        }

        var responses = new Dictionary<string, ContractResponse>();
        foreach (var (status, response) in op["responses"]!.AsObject())
        {
            var content = new Dictionary<string, JsonObject?>(StringComparer.OrdinalIgnoreCase);
            if (Resolve(response!)["content"] is JsonObject media)
                foreach (var (mediaType, value) in media) content[mediaType] = value?["schema"]?.AsObject();
            responses[status] = new ContractResponse(status, content);
        }

        // security: [{}] among the alternatives means no credentials are needed.
        var security = op["security"] as JsonArray ?? Document["security"] as JsonArray;
        var anonymous = security is null || security.Any(s => s is JsonObject { Count: 0 });
        return new ContractOperation(method.ToUpperInvariant(), path, op["operationId"]?.GetValue<string>() ?? "", parameters, body, responses, anonymous);
    }
}

public sealed record ContractOperation(
    string Method, string Path, string OperationId, IReadOnlyList<ContractParameter> Parameters, ContractBody? Body,
    IReadOnlyDictionary<string, ContractResponse> Responses, bool AllowsAnonymous)
{
    public string Name => $"{Method} {Path}";

    public IEnumerable<ContractParameter> In(string location) => Parameters.Where(p => p.In == location);

    /// <summary>The documented response for a status: the exact code, then a range such as <c>4XX</c>, then <c>default</c>.</summary>
    public ContractResponse? ResponseFor(int status) =>
        Responses.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture))
        ?? Responses.GetValueOrDefault($"{status / 100}XX")
        ?? Responses.GetValueOrDefault("default");
}

public sealed record ContractParameter(string Name, string In, bool Required, JsonObject Schema);

public sealed record ContractBody(string MediaType, JsonObject Schema, JsonNode? Example);

/// <summary>A documented response: media type → schema (null when the media type has none).</summary>
public sealed record ContractResponse(string Status, IReadOnlyDictionary<string, JsonObject?> Content);

/// <summary>A schema flattened over <c>$ref</c> and <c>allOf</c>.</summary>
public sealed class SchemaView
{
    public string? Type { get; set; }
    public string? Format { get; set; }
    public bool Nullable { get; set; }
    public List<string>? Enum { get; set; }
    public JsonNode? Items { get; set; }
    public Dictionary<string, JsonNode> Properties { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

    public override string ToString() =>
        (Type ?? "any") + (Format is null ? "" : $"({Format})") + (Enum is null ? "" : " enum") + (Nullable ? "?" : "");
}
