using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlanApi.Tests.Contract.BadInput;

/// <summary>
/// Generates, for every operation of the contract, a valid baseline request (path parameters from the seeded data,
/// the body from the operation's own example, an upload for plan imports) and the bad variants derived from it:
/// credentials, path and query parameters, headers, each body field (missing, wrong JSON type, boundary numbers,
/// odd strings), malformed JSON and wrong media types.
/// </summary>
public sealed partial class RequestMutations(ContractModel contract, SeededData seed)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private const string Marker = "@@raw-json-value@@";
    private int _unique;

    public List<RequestCase> All() => contract.Operations.SelectMany(For).ToList();

    public IEnumerable<RequestCase> For(ContractOperation op)
    {
        var cases = new List<RequestCase>();
        cases.AddRange(Baselines(op));
        cases.AddRange(Credentials(op));
        cases.AddRange(PathParameters(op));
        cases.AddRange(QueryParameters(op));
        cases.AddRange(HeaderVariants(op));
        if (op.Body?.MediaType == "application/json") cases.AddRange(JsonBodies(op));
        if (op.Body?.MediaType == "multipart/form-data") cases.AddRange(Uploads(op));
        return cases;
    }

    // ---- building requests ----------------------------------------------------------------------------------

    private RequestCase Case(
        ContractOperation op, string mutation, IReadOnlyDictionary<string, string>? path = null, string? query = null,
        IEnumerable<(string, string)>? headers = null, bool idempotencyKey = true, Func<HttpContent?>? content = null,
        Caller caller = Caller.Admin, bool baseline = false)
    {
        var url = op.Path;
        foreach (var parameter in op.In("path"))
            url = url.Replace($"{{{parameter.Name}}}", path?.GetValueOrDefault(parameter.Name) ?? Uri.EscapeDataString(PathValue(op, parameter.Name, baseline)));
        if (query is not null) url += "?" + query;
        var allHeaders = new List<(string, string)>();
        // The one header the contract requires on a POST: a fresh key per request, so that nothing is replayed.
        if (idempotencyKey && op.In("header").Any(h => h.Name == "Idempotency-Key" && h.Required))
            allHeaders.Add(("Idempotency-Key", Guid.NewGuid().ToString()));
        if (headers is not null) allHeaders.AddRange(headers);
        return new RequestCase
        {
            Operation = op, Mutation = mutation, Url = url, Caller = caller, Headers = allHeaders,
            Content = content ?? DefaultContent(op), IsBaseline = baseline,
        };
    }

    private string PathValue(ContractOperation op, string name, bool baseline = false)
    {
        var deletable = baseline ? seed.BaselineTargets : seed.MutationTargets;
        var deletes = op.Method == "DELETE";
        return name switch
        {
            "planId" => deletes && op.Path.EndsWith("{planId}", StringComparison.Ordinal) ? deletable.DraftPlanId : seed.PlanId,
            "ordinal" when op.Path.Contains("/progress-reports", StringComparison.Ordinal) => Invariant(seed.ReportedOrdinal),
            "ordinal" => Invariant(deletes ? deletable.ItemOrdinal : seed.ItemOrdinal),
            "id" when op.Path.StartsWith("/api/v1/webhook-subscriptions", StringComparison.Ordinal) =>
                deletes ? deletable.WebhookSubscriptionId : seed.WebhookSubscriptionId,
            "id" => op.Path.StartsWith("/api/v1/api-keys", StringComparison.Ordinal) ? deletable.KeyId : seed.ReportId,
            "code" when op.Path.StartsWith("/api/v1/groupings", StringComparison.Ordinal) => seed.GroupingCode,
            // Cần Thơ: a province in both lists, before and after 1 July 2025.
            "code" when op.Path.StartsWith("/api/v1/administrative-units", StringComparison.Ordinal) => "92",
            "code" => seed.AgencyCode,
            _ => throw new InvalidOperationException($"No seeded value for path parameter '{name}' of {op.Name}: extend the generator."),
        };
    }

    private Func<HttpContent?> DefaultContent(ContractOperation op) => op.Body?.MediaType switch
    {
        null => () => null,
        "application/json" => JsonContent(Render(BaselineBody(op))),
        // A progress sheet with its key row and no rows filled: read, nothing to report.
        "multipart/form-data" when op.Path.EndsWith("/progress-imports", StringComparison.Ordinal) => Upload(ProgressSheetKeys, "bao-cao.csv"),
        "multipart/form-data" => Upload(PlanText, "ke-hoach.txt", replaceDraft: op.Path.EndsWith("/commit", StringComparison.Ordinal) ? "true" : null),
        var other => throw new NotSupportedException($"{op.Name}: request media type {other}"),
    };

    /// <summary>The operation's own example, with the fields that must be unique made fresh, so that it creates.</summary>
    private JsonNode BaselineBody(ContractOperation op)
    {
        var body = (op.Body!.Example ?? throw new InvalidOperationException($"{op.Name} has no request example")).DeepClone();
        var n = Interlocked.Increment(ref _unique);
        if (op.Method != "POST") return body;
        switch (op.Path)
        {
            case "/api/v1/plans": body["number"] = $"{n}/KH-KTDV"; break;
            case "/api/v1/plans/{planId}/items": body["ordinal"] = 1000 + n % 8000; break;
            case "/api/v1/agencies": body["code"] = $"kiem-thu-{n}"; break;
            case "/api/v1/groupings": body["code"] = $"kiem-thu-khoi-{n}"; break;
        }
        return body;
    }

    private static Func<HttpContent?> JsonContent(string text, string? contentType = "application/json") =>
        Bytes(Encoding.UTF8.GetBytes(text), contentType);

    private static Func<HttpContent?> Bytes(byte[] bytes, string? contentType) => () =>
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null && !content.Headers.TryAddWithoutValidation("Content-Type", contentType))
            throw new InvalidOperationException($"Content-Type {contentType} cannot be sent");
        return content;
    };

    private static string Render(JsonNode body) => body.ToJsonString(Json);

    /// <summary>The body with the value at <paramref name="path"/> replaced by raw JSON text, or removed when it is null.</summary>
    private static string Render(JsonNode body, IReadOnlyList<object> path, string? raw)
    {
        var copy = body.DeepClone();
        var parent = copy;
        for (var i = 0; i < path.Count - 1; i++) parent = path[i] is string name ? parent[name]! : parent[(int)path[i]]!;
        var last = path[^1];
        if (raw is null)
        {
            if (last is string name) parent.AsObject().Remove(name);
            else parent.AsArray().RemoveAt((int)last);
            return Render(copy);
        }
        if (last is string property) parent[property] = Marker;
        else parent[(int)last] = Marker;
        return Render(copy).Replace($"\"{Marker}\"", raw, StringComparison.Ordinal);
    }

    private static string Invariant(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Str(string value) => JsonSerializer.Serialize(value, Json);

    // ---- callers ------------------------------------------------------------------------------------------

    private IEnumerable<RequestCase> Baselines(ContractOperation op)
    {
        yield return Case(op, "valid request", baseline: true);
        yield return Case(op, "valid request, anonymous", caller: Caller.Anonymous);
        yield return Case(op, "valid request, reader key", caller: Caller.Reader);
        yield return Case(op, "valid request, reporter key (so-gddt-can-tho)", caller: Caller.Reporter);
    }

    private IEnumerable<RequestCase> Credentials(ContractOperation op)
    {
        var variants = new (string Label, string Header, string Value)[]
        {
            ("X-Api-Key garbage", "X-Api-Key", "garbage"),
            ("X-Api-Key empty", "X-Api-Key", ""),
            ("X-Api-Key unknown but well-formed", "X-Api-Key", "pk_" + new string('A', 43)),
            ("X-Api-Key revoked", "X-Api-Key", seed.RevokedKey),
            ("X-Api-Key 10,000 chars", "X-Api-Key", "pk_" + new string('x', 10_000)),
            ("X-Api-Key non-ASCII", "X-Api-Key", "pk_khóa-🔑"),
            ("X-Api-Key admin key with a NUL appended", "X-Api-Key", seed.AdminKey + "\0"),
            ("Authorization Bearer x", "Authorization", "Bearer x"),
            ("Authorization unsigned JWT (alg none, role admin)", "Authorization", "Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJyb2xlIjoiYWRtaW4iLCJzdWIiOiJ4In0."),
            ("Authorization Basic", "Authorization", "Basic dXNlcjpwYXNz"),
            ("Authorization Bearer without token", "Authorization", "Bearer"),
            ("Authorization Bearer 10,000 chars", "Authorization", "Bearer " + new string('a', 10_000)),
        };
        // Reads that need no credential get the kinds of bad credential, not every spelling of them.
        var reads = op.Method == "GET" && op.AllowsAnonymous;
        string[] kinds = ["X-Api-Key garbage", "X-Api-Key revoked", "X-Api-Key 10,000 chars", "Authorization Bearer x", "Authorization unsigned JWT (alg none, role admin)"];
        foreach (var (label, header, value) in variants.Where(v => !reads || kinds.Contains(v.Label)))
            yield return Case(op, label, headers: [(header, value)], caller: Caller.Anonymous);
        yield return Case(op, "admin X-Api-Key plus Authorization Bearer x", headers: [("Authorization", "Bearer x")]);
        yield return Case(op, "two X-Api-Key headers (admin, garbage)", headers: [("X-Api-Key", seed.AdminKey), ("X-Api-Key", "garbage")], caller: Caller.Anonymous);
    }

    // ---- path and query ---------------------------------------------------------------------------------------

    private static readonly string LongText = new('a', 10_000);

    private IEnumerable<RequestCase> PathParameters(ContractOperation op)
    {
        foreach (var parameter in op.In("path"))
        {
            var view = contract.View(parameter.Schema);
            var valid = PathValue(op, parameter.Name);
            IEnumerable<(string Label, string Segment)> variants = (view.Type, view.Format) switch
            {
                ("string", "uuid") =>
                [
                    ("not a guid", "not-a-guid"), ("empty guid", Guid.Empty.ToString()), ("unknown guid", Guid.NewGuid().ToString()),
                    ("guid without hyphens", Guid.NewGuid().ToString("N")), ("guid in braces", Uri.EscapeDataString("{" + Guid.NewGuid() + "}")),
                    ("truncated guid", valid[..^1]), ("guid with trailing garbage", valid + "x"), ("number", "12345"), ("negative", "-1"),
                ],
                ("integer", _) =>
                [
                    ("0", "0"), ("-1", "-1"), ("int.MaxValue", "2147483647"), ("int.MaxValue + 1", "2147483648"),
                    ("huge", "99999999999999999999"), ("fraction", "1.5"), ("exponent", "1e3"), ("hex", "0x10"), ("word", "abc"),
                    ("Arabic-Indic digit", "%D9%A6"), ("5,000 digits", new string('9', 5_000)), ("plus sign", "%2B" + valid),
                ],
                _ =>
                [
                    ("unknown code", "khong-ton-tai"), ("upper case", Uri.EscapeDataString(valid.ToUpperInvariant())),
                    ("trailing space", Uri.EscapeDataString(valid) + "%20"), ("control character appended", Uri.EscapeDataString(valid) + "%1B"),
                    ("underscore and percent", "a_%25"), ("single quote", "%27"),
                ],
            };
            // No NUL (%00): the in-memory test server refuses to build such a path (PathString throws) before the API
            // sees it, and Kestrel answers it with its own 400. NUL is sent in queries, headers and bodies instead.
            var common = new (string Label, string Segment)[]
            {
                ("control character", "%01"), ("encoded slash", "a%2Fb"), ("5,000 chars", new string('a', 5_000)),
                ("emoji", Uri.EscapeDataString("🏆👍🏽")), ("RTL mark", Uri.EscapeDataString("\u200F" + valid)),
                ("NFD Vietnamese", Uri.EscapeDataString("sở-giáo-dục".Normalize(NormalizationForm.FormD))),
                ("invalid UTF-8", "%ED%A0%80"), ("noncharacters", "%EF%BF%BE%EF%BF%BF"), ("SQL", Uri.EscapeDataString("' OR 1=1 --")),
            };
            foreach (var (label, segment) in variants.Concat(common))
                yield return Case(op, $"path {parameter.Name}: {label}", path: new Dictionary<string, string> { [parameter.Name] = segment });
            if (op.Method == "GET")
                yield return Case(op, $"path {parameter.Name}: not found, anonymous",
                    path: new Dictionary<string, string> { [parameter.Name] = view.Format == "uuid" ? Guid.NewGuid().ToString() : view.Type == "integer" ? "9999" : "khong-ton-tai" },
                    caller: Caller.Anonymous);
        }
    }

    private IEnumerable<RequestCase> QueryParameters(ContractOperation op)
    {
        var parameters = op.In("query").ToList();
        foreach (var parameter in parameters)
        {
            var view = contract.View(parameter.Schema);
            foreach (var value in ValidQueryValues(parameter.Name, view))
                yield return Case(op, $"query {parameter.Name}={value} (valid)", query: $"{parameter.Name}={value}");
            foreach (var (label, value) in BadQueryValues(view))
                yield return Case(op, $"query {parameter.Name}: {label}", query: $"{parameter.Name}={value}");
            yield return Case(op, $"query {parameter.Name} twice", query: $"{parameter.Name}={ValidQueryValues(parameter.Name, view)[0]}&{parameter.Name}={ValidQueryValues(parameter.Name, view)[^1]}");
            yield return Case(op, $"query {parameter.Name}: bad value, anonymous", query: $"{parameter.Name}=%00", caller: Caller.Anonymous);
        }
        if (op.Method == "GET")
        {
            yield return Case(op, "query: unknown parameter", query: "unexpected=1");
            yield return Case(op, "query: parameter name with NUL", query: "a%00b=1");
            if (parameters.Count > 1)
                yield return Case(op, "query: every parameter at once, valid",
                    query: string.Join('&', parameters.Select(p => $"{p.Name}={ValidQueryValues(p.Name, contract.View(p.Schema))[0]}")));
        }
    }

    private List<string> ValidQueryValues(string name, SchemaView view)
    {
        if (view.Enum is { } values) return values;
        return (name, view.Type, view.Format) switch
        {
            ("limit", _, _) => ["1", "100"],
            ("offset", _, _) => ["0", "30"],
            ("after", _, _) => ["0", "5"],
            ("quarter", _, _) => ["1", "4"],
            ("year", _, _) => ["2023", "2024"],
            ("issuer", _, _) or ("member", _, _) => ["ubnd-can-tho"],
            ("lead", _, _) => ["so-gddt-can-tho"],
            ("agency", _, _) => ["ban-tdkt-can-tho"],
            ("q", _, _) => ["thi%20dua", Uri.EscapeDataString("TĐKT"), Uri.EscapeDataString("khen thưởng")],
            ("resourceType", _, _) => ["plan", "progress_report"],
            ("resourceKey", _, _) => [seed.PlanId],
            ("parent", _, _) or ("province", _, _) => ["92", "925"],
            (_, "string", "date") => ["2025-06-30", "2025-07-01"],
            ("client", _, _) => ["key%3A" + seed.MutationTargets.KeyId],
            (_, "string", "date-time") => ["2023-01-01T00:00:00Z", Uri.EscapeDataString("2023-03-15T09:00:00+07:00")],
            (_, "string", "uuid") => [seed.PlanId],
            (_, "boolean", _) => ["true", "false"],
            (_, "integer", _) => ["1"],
            _ => ["x"],
        };
    }

    private static IEnumerable<(string Label, string Value)> BadQueryValues(SchemaView view)
    {
        var text = new (string, string)[]
        {
            ("empty", ""), ("spaces", "%20%20"), ("NUL", "%00"), ("10,000 chars", LongText), ("emoji", Uri.EscapeDataString("🏆👍🏽")),
            ("NFD Vietnamese", Uri.EscapeDataString("thi đua khen thưởng".Normalize(NormalizationForm.FormD))),
            ("RTL mark", Uri.EscapeDataString("\u200Fthi đua")), ("invalid UTF-8", "%ED%A0%80"), ("noncharacters", "thi%EF%BF%BE%EF%BF%BF"),
        };
        if (view.Enum is { } values)
            return text.Concat(
            [
                ("PascalCase", Pascal(values[^1])), ("UPPER CASE", values[^1].ToUpperInvariant()), ("hyphenated", values[^1].Replace('_', '-')),
                ("a number", "1"), ("two values with a comma", $"{values[0]}%2C{values[^1]}"), ("with a space", values[0] + "%20"),
            ]);
        return view.Type switch
        {
            "integer" => new (string, string)[]
            {
                ("empty", ""), ("word", "abc"), ("fraction", "1.5"), ("-1", "-1"), ("0", "0"), ("int.MinValue", "-2147483648"),
                ("int.MaxValue", "2147483647"), ("int.MaxValue + 1", "2147483648"), ("long.MaxValue", "9223372036854775807"),
                ("2^63", "9223372036854775808"), ("huge", "99999999999999999999"), ("1e300", "1e300"), ("hex", "0x10"),
                ("spaces around", "%201%20"), ("comma", "1%2C2"), ("Arabic-Indic digit", "%D9%A1"), ("NUL", "%00"),
            },
            "boolean" => [("empty", ""), ("yes", "yes"), ("1", "1"), ("upper case", "TRUE"), ("null", "null"), ("NUL", "%00"), ("accented", "tru%C3%A9")],
            "string" when view.Format == "uuid" => [("not a guid", "not-a-guid"), ("empty guid", Guid.Empty.ToString()), ("NUL", "%00"), ("5,000 chars", new string('a', 5_000)), ("number", "12345"), ("empty", "")],
            "string" when view.Format == "date" => text.Concat(
            [
                ("word", "abc"), ("month 13", "2025-13-01"), ("30 February", "2025-02-30"), ("year 1", "0001-01-01"), ("year 9999", "9999-12-31"),
                ("day first", "01%2F07%2F2025"), ("with a time", "2025-07-01T00:00:00Z"), ("no hyphens", "20250701"), ("-1", "-1"),
            ]),
            "string" when view.Format == "date-time" => text.Concat(
            [
                ("word", "abc"), ("month 13", "2023-13-01T00:00:00Z"), ("year 1", "0001-01-01T00:00:00Z"), ("year 9999", "9999-12-31T23:59:59Z"),
                ("date only", "2023-02-08"), ("offset +15:00", "2023-02-08T10:00:00%2B15:00"), ("-1", "-1"), ("1e300", "1e300"),
                ("unix time", "1676000000"),
            ]),
            _ => text.Concat([("percent and underscore", "%25_%25_"), ("single quote", "%27"), ("backslash", "%5C"), ("trigram bait", Uri.EscapeDataString(string.Concat(Enumerable.Repeat("thi đua ", 300))))]),
        };
    }

    private static string Pascal(string snake) => string.Concat(snake.Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    // ---- headers ----------------------------------------------------------------------------------------------

    private IEnumerable<RequestCase> HeaderVariants(ContractOperation op)
    {
        if (op.Method == "POST")
        {
            if (op.In("header").Any(h => h.Name == "Idempotency-Key" && h.Required))
                yield return Case(op, "Idempotency-Key missing", idempotencyKey: false);
            var keys = new (string Label, string Value)[]
            {
                ("empty", ""), ("spaces", "   "), ("201 chars", new string('k', 201)), ("10,000 chars", new string('k', 10_000)),
                ("non-ASCII", "khóa-🔑"), ("inner space", "a b"), ("DEL character", "a\u007fb"), ("valid UUID", Guid.NewGuid().ToString()),
            };
            foreach (var (label, value) in keys)
                yield return Case(op, $"Idempotency-Key {label}", headers: [("Idempotency-Key", value)], idempotencyKey: false);
            yield return Case(op, "Idempotency-Key twice", headers: [("Idempotency-Key", Guid.NewGuid().ToString()), ("Idempotency-Key", Guid.NewGuid().ToString())], idempotencyKey: false);
            // Sent in this order: a first use, the same request again (a replay), then the key with another request.
            var key = Guid.NewGuid().ToString();
            var same = DefaultContent(op);
            yield return Case(op, "Idempotency-Key first use", headers: [("Idempotency-Key", key)], idempotencyKey: false, content: same);
            yield return Case(op, "Idempotency-Key retried with the same request", headers: [("Idempotency-Key", key)], idempotencyKey: false, content: same);
            yield return Case(op, "Idempotency-Key reused for another request", headers: [("Idempotency-Key", key)], idempotencyKey: false);
        }
        if (op.Method is "PUT" or "DELETE")
        {
            if (op.In("header").Any(h => h.Name == "If-Match"))
                yield return Case(op, "If-Match missing", caller: Caller.AdminWithoutIfMatch);
            var tags = new (string Label, string Value)[]
            {
                ("empty", ""), ("*", "*"), ("unquoted garbage", "garbage"), ("stale ETag", "\"c3RhbGUtZXRhZy12YWx1ZQ\""), ("weak", "W/\"c3RhbGU\""),
                ("list of stale ETags", "\"a\", \"b\""), ("10,000 chars", "\"" + LongText + "\""), ("non-ASCII", "\"khóa\""),
            };
            foreach (var (label, value) in tags)
                yield return Case(op, $"If-Match {label}", headers: [("If-Match", value)]);
        }
        if (op.Method == "GET")
        {
            var tags = new (string Label, string Value)[]
            {
                ("*", "*"), ("weak garbage", "W/\"garbage\""), ("empty", ""), ("10,000 chars", "\"" + LongText + "\""), ("list with *", "\"a\", *"),
            };
            foreach (var (label, value) in tags)
                yield return Case(op, $"If-None-Match {label}", headers: [("If-None-Match", value)]);
        }
        foreach (var accept in op.Method == "GET" ? ["application/xml"] : new[] { "application/xml", "text/csv", "image/png" })
            yield return Case(op, $"Accept {accept}", headers: [("Accept", accept)]);
    }

    // ---- JSON bodies -------------------------------------------------------------------------------------------

    private sealed record Field(string Label, IReadOnlyList<object> Path, SchemaView View, bool Present, bool Required, int Depth);

    private IEnumerable<RequestCase> JsonBodies(ContractOperation op)
    {
        var schema = op.Body!.Schema;
        foreach (var field in Fields(schema, op.Body.Example, [], "body", 0))
            foreach (var (label, raw) in Variants(field))
            {
                var body = BaselineBody(op);
                var text = Render(body, field.Path, raw);
                yield return Case(op, $"{field.Label}: {label}", content: JsonContent(text));
            }

        // Each document is built from a fresh valid body: one that is accepted must not make the next one a 409.
        var firstProperty = op.Body.Example!.AsObject().First().Key;
        var firstValue = Render(op.Body.Example![firstProperty]!);
        var documents = new (string Label, Func<string, byte[]> Bytes)[]
        {
            ("empty body", _ => []), ("whitespace only", _ => Utf8("  \n ")), ("truncated", valid => Utf8(valid[..(valid.Length / 2)])),
            ("trailing comma", valid => Utf8(valid[..^1] + ",}")), ("single quotes", valid => Utf8(valid.Replace('"', '\''))),
            ("bare number", _ => Utf8("42")), ("bare string", _ => Utf8("\"text\"")), ("null", _ => Utf8("null")), ("empty array", _ => Utf8("[]")),
            ("array of the body", valid => Utf8($"[{valid}]")), ("empty object", _ => Utf8("{}")), ("comment", valid => Utf8("/* c */" + valid)),
            ("NaN", _ => Utf8("{\"" + firstProperty + "\": NaN}")),
            ("200 nested arrays", _ => Utf8("{\"" + firstProperty + "\": " + new string('[', 200) + new string(']', 200) + "}")),
            ("two documents", valid => Utf8(valid + valid)), ("unknown field", valid => Utf8(valid[..^1] + ",\"unexpectedField\":true}")),
            ("duplicate property", valid => Utf8("{\"" + firstProperty + "\":" + firstValue + "," + valid[1..])),
            ("property name in another case", valid => Utf8(valid[..^1] + ",\"" + firstProperty.ToUpperInvariant() + "\":null}")),
            ("property name NFD", valid => Utf8(valid[..^1] + ",\"tên\u0301\":1}")),
            ("UTF-8 BOM", valid => [0xEF, 0xBB, 0xBF, .. Utf8(valid)]), ("UTF-16 encoded", valid => Encoding.Unicode.GetBytes(valid)),
            ("invalid UTF-8 in a string", _ => [.. Utf8("{\"" + firstProperty + "\": \"a"), 0xC3, 0x28, 0xFF, .. Utf8("\"}")]),
            ("over 1 MiB", valid => Utf8(valid[..^1] + ",\"padding\":\"" + new string('x', 1_100_000) + "\"}")),
        };
        foreach (var (label, bytes) in documents)
            yield return Case(op, $"malformed JSON: {label}", content: Bytes(bytes(Render(BaselineBody(op))), "application/json"));

        // Every POST accepts an Idempotency-Key, which makes the API read the body once more (to hash it) before MVC
        // does: odd bodies again, with a key, where the contract does not already require one on each request.
        if (op.Method == "POST" && !op.In("header").Any(h => h.Name == "Idempotency-Key" && h.Required))
        {
            var odd = new (string Label, string Raw)[]
            {
                ("lone surrogate escape", "\"a\\ud800b\""), ("lone low surrogate escape", "\"\\udfff\""), ("noncharacters", Str("\uFFFE\uFFFF")),
                ("NUL byte", Str("Thi\0đua")), ("NFD Vietnamese", Str("Thi đua".Normalize(NormalizationForm.FormD))),
            };
            foreach (var (label, raw) in odd)
                yield return Case(op, $"with Idempotency-Key, body.{firstProperty}: {label}", headers: [("Idempotency-Key", Guid.NewGuid().ToString())],
                    content: JsonContent(Render(BaselineBody(op), [firstProperty], raw)));
            foreach (var (label, bytes) in documents.Where(d => d.Label is "duplicate property" or "invalid UTF-8 in a string" or "truncated" or "200 nested arrays"))
                yield return Case(op, $"with Idempotency-Key, malformed JSON: {label}", headers: [("Idempotency-Key", Guid.NewGuid().ToString())],
                    content: Bytes(bytes(Render(BaselineBody(op))), "application/json"));
        }

        var contentTypes = new (string Label, string? Value)[]
        {
            ("none", null), ("text/plain", "text/plain"), ("application/xml", "application/xml"),
            ("form urlencoded", "application/x-www-form-urlencoded"), ("multipart", "multipart/form-data; boundary=x"),
            ("charset utf-16", "application/json; charset=utf-16"), ("charset unknown", "application/json; charset=klingon"),
            ("problem+json", "application/problem+json"), ("upper case", "APPLICATION/JSON"), ("garbage", "garbage"),
        };
        foreach (var (label, value) in contentTypes)
            yield return Case(op, $"Content-Type {label}", content: JsonContent(Render(BaselineBody(op)), value));
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private IEnumerable<Field> Fields(JsonNode schema, JsonNode? example, IReadOnlyList<object> path, string label, int depth)
    {
        var view = contract.View(schema);
        foreach (var (name, propertySchema) in view.Properties)
        {
            var childPath = path.Append(name).ToList();
            var childLabel = $"{label}.{name}";
            var present = example is JsonObject obj && obj.ContainsKey(name);
            var childExample = present ? example![name] : null;
            var child = contract.View(propertySchema);
            yield return new Field(childLabel, childPath, child, present, view.Required.Contains(name), depth);
            if (child.Type == "object" && childExample is JsonObject)
                foreach (var field in Fields(propertySchema, childExample, childPath, childLabel, depth + 1)) yield return field;
            if (child.Type == "array" && childExample is JsonArray { Count: > 0 } array && child.Items is { } items)
            {
                var itemPath = childPath.Append(0).ToList();
                var item = contract.View(items);
                yield return new Field($"{childLabel}[0]", itemPath, item, true, false, depth + 1);
                if (item.Type == "object")
                    foreach (var field in Fields(items, array[0], itemPath, $"{childLabel}[0]", depth + 1)) yield return field;
            }
        }
    }

    /// <summary>
    /// Raw JSON for each bad value of a field; null removes it. Fields inside objects and arrays get a shorter list:
    /// the same validators and converters read them, and the run has to fit in the test command.
    /// </summary>
    private static IEnumerable<(string Label, string? Raw)> Variants(Field field)
    {
        var wrongType = false;
        foreach (var variant in AllVariants(field))
        {
            if (field.Depth == 0) yield return variant;
            else if (variant.Label.StartsWith("wrong type", StringComparison.Ordinal))
            {
                if (!wrongType) yield return variant;
                wrongType = true;
            }
            else if (variant.Label.StartsWith("removed", StringComparison.Ordinal) || variant.Label.StartsWith("null", StringComparison.Ordinal)
                     || variant.Label.StartsWith("integer", StringComparison.Ordinal) || NestedVariants.Contains(variant.Label))
                yield return variant;
        }
    }

    private static readonly HashSet<string> NestedVariants =
    [
        "empty string", "10,000 chars", "NUL byte", "lone surrogate escape", "noncharacters", "emoji", "date Feb 30", "date date-time",
        "enum PascalCase", "enum unknown word", "empty array", "array of the wrong item type", "empty object",
    ];

    private static IEnumerable<(string Label, string? Raw)> AllVariants(Field field)
    {
        var view = field.View;
        if (field.Present) yield return (field.Required ? "removed (required)" : "removed", null);
        yield return (view.Nullable ? "null (nullable)" : "null", "null");
        var wrong = view.Type switch
        {
            "string" => new[] { ("number", "42"), ("boolean", "true"), ("object", "{}"), ("array", "[\"a\"]") },
            "integer" => [("number in a string", "\"42\""), ("boolean", "true"), ("object", "{}"), ("array", "[1]"), ("empty string", "\"\"")],
            "boolean" => [("string", "\"true\""), ("number 1", "1"), ("number 0", "0"), ("object", "{}"), ("array", "[true]")],
            "object" => [("string", "\"x\""), ("number", "1"), ("boolean", "true"), ("array", "[{}]")],
            "array" => [("string", "\"x\""), ("number", "1"), ("boolean", "true"), ("object", "{}")],
            _ => [],
        };
        foreach (var (label, raw) in wrong) yield return ($"wrong type ({label})", raw);

        switch (view.Type)
        {
            case "string":
                foreach (var variant in Strings()) yield return variant;
                if (view.Format == "date")
                    foreach (var (label, value) in new[] { ("Feb 30", "2023-02-30"), ("month 13", "2023-13-01"), ("year 1", "0001-01-01"), ("year 9999", "9999-12-31"), ("date-time", "2023-02-08T10:00:00Z"), ("dd/MM/yyyy", "08/02/2023"), ("expanded year", "+002023-02-08") })
                        yield return ($"date {label}", Str(value));
                if (view.Enum is { } values)
                    foreach (var (label, value) in new[] { ("PascalCase", Pascal(values[^1])), ("UPPER CASE", values[^1].ToUpperInvariant()), ("hyphenated", values[^1].Replace('_', '-')), ("padded", $" {values[0]} "), ("number as string", "1"), ("unknown word", "khong-ro") })
                        yield return ($"enum {label}", Str(value));
                break;
            case "integer":
                foreach (var (label, raw) in field.Depth == 0 ? Integers : Integers.Where(i => NestedIntegers.Contains(i.Label)))
                    yield return ($"integer {label}", raw);
                break;
            case "array":
                var itemIsObject = view.Items is JsonObject items && (items["$ref"] is not null || items["type"]?.GetValue<string>() == "object");
                yield return ("empty array", "[]");
                yield return ("array of null", "[null]");
                yield return ("array of the wrong item type", itemIsObject ? "[\"x\"]" : "[42]");
                yield return ("1,000 entries", "[" + string.Join(',', Enumerable.Repeat(itemIsObject ? "{}" : "\"so-gddt-can-tho\"", 1000)) + "]");
                yield return ("duplicate entries", itemIsObject ? "[{},{}]" : "[\"so-gddt-can-tho\",\"so-gddt-can-tho\"]");
                break;
            case "object":
                yield return ("empty object", "{}");
                yield return ("object with an unknown field", "{\"unexpectedField\":1}");
                break;
        }
    }

    private static readonly (string Label, string Raw)[] Integers =
    [
        ("0", "0"), ("-1", "-1"), ("1", "1"), ("13", "13"), ("101", "101"), ("1999", "1999"), ("2101", "2101"), ("10001", "10001"),
        ("int.MaxValue", "2147483647"), ("int.MinValue", "-2147483648"), ("int.MaxValue + 1", "2147483648"),
        ("2^63", "9223372036854775808"), ("1e300", "1e300"), ("2.0", "2.0"), ("2.5", "2.5"), ("400 digits", "1" + new string('0', 400)),
    ];

    private static readonly HashSet<string> NestedIntegers = ["0", "-1", "int.MaxValue + 1", "2^63", "1e300", "2.5"];

    private static IEnumerable<(string Label, string Raw)> Strings()
    {
        yield return ("empty string", Str(""));
        yield return ("10,000 chars", Str(LongText));
        yield return ("NFD Vietnamese", Str("Thi đua khen thưởng năm 2023".Normalize(NormalizationForm.FormD)));
        yield return ("emoji", Str("🏆 Thi đua 👍🏽 👨‍👩‍👧"));
        yield return ("NUL byte", Str("Thi\0đua"));
        yield return ("lone surrogate escape", "\"a\\ud800b\"");
        yield return ("whitespace only", Str("  \t "));
        yield return ("10,000 Vietnamese chars", Str(string.Concat(Enumerable.Repeat("ệ", 10_000))));
        yield return ("RTL mark", Str("\u200Fمرحبا thi đua\u200F"));
        yield return ("lone low surrogate escape", "\"\\udfff\"");
        yield return ("escape character", Str("a\u001b[31mb"));
        yield return ("BOM and zero-width space", Str("\uFEFFthi\u200Bđua"));
        yield return ("500 combining accents", Str("a" + new string('\u0301', 500)));
        yield return ("noncharacters", Str("\uFFFE\uFFFF"));
        yield return ("SQL", Str("'; DROP TABLE plans; --"));
    }
}
