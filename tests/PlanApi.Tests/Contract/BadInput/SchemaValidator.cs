using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PlanApi.Tests.Contract.BadInput;

/// <summary>
/// Validates JSON against the subset of OpenAPI 3.0 schemas the contract uses: <c>type</c> (with <c>nullable</c>),
/// <c>properties</c>, <c>required</c>, <c>additionalProperties</c> (false, a schema, or anything), <c>enum</c>,
/// <c>items</c>, <c>allOf</c>, <c>$ref</c> to components, formats (<c>date</c>, <c>date-time</c>, <c>uuid</c>,
/// <c>int32</c>, <c>int64</c>) and integer versus number. A keyword outside the subset throws, so that a contract
/// change the validator does not understand is never passed silently.
/// </summary>
public sealed partial class SchemaValidator(ContractModel contract)
{
    private static readonly HashSet<string> Understood =
    [
        "$ref", "type", "format", "nullable", "properties", "required", "additionalProperties", "enum", "items", "allOf",
        "description", "example", "default", "title", "readOnly", "writeOnly", "deprecated", "minimum", "maximum",
    ];

    private const int MaxErrors = 8;

    /// <summary>Every way <paramref name="value"/> breaks <paramref name="schema"/>, as "path: problem" lines.</summary>
    public IReadOnlyList<string> Validate(JsonNode? value, JsonNode schema)
    {
        var errors = new List<string>();
        Check(value, schema.AsObject(), "$", errors, nullableFromOuter: false);
        return errors;
    }

    private void Check(JsonNode? value, JsonObject schema, string path, List<string> errors, bool nullableFromOuter)
    {
        if (errors.Count >= MaxErrors) return;
        foreach (var keyword in schema.Select(kv => kv.Key))
            if (!Understood.Contains(keyword) && !keyword.StartsWith("x-", StringComparison.Ordinal))
                throw new NotSupportedException($"The schema validator does not understand '{keyword}' (at {path}); extend it.");

        var nullable = nullableFromOuter || schema["nullable"]?.GetValue<bool>() == true;
        if (schema["$ref"] is not null)
        {
            Check(value, contract.Resolve(schema), path, errors, nullable);
            return;
        }

        if (value is null)
        {
            // A schema that says nothing about type (e.g. the audit's before/after) accepts null too.
            var constrains = schema["type"] is not null || schema["allOf"] is not null || schema["properties"] is not null || schema["enum"] is not null;
            if (constrains && !nullable) errors.Add($"{path}: null is not allowed");
            return;
        }

        if (schema["type"]?.GetValue<string>() is { } type && !HasType(value, type, schema["format"]?.GetValue<string>(), out var typeError))
        {
            errors.Add($"{path}: {typeError}");
            return;
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, value)))
            errors.Add($"{path}: {Short(value)} is not one of [{string.Join(", ", values.Select(v => v?.ToJsonString()))}]");

        if (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String
            && schema["format"]?.GetValue<string>() is { } format && !HasFormat(scalar.GetValue<string>(), format))
            errors.Add($"{path}: {Short(value)} is not a valid {format}");

        if (schema["allOf"] is JsonArray all)
            foreach (var part in all)
                Check(value, part!.AsObject(), path, errors, nullable);

        if (value is JsonObject obj)
        {
            var properties = schema["properties"] as JsonObject;
            if (schema["required"] is JsonArray required)
                foreach (var name in required.Select(r => r!.GetValue<string>()))
                    if (!obj.ContainsKey(name)) errors.Add($"{path}: required property '{name}' is missing");
            foreach (var (name, property) in obj)
            {
                var propertyPath = $"{path}.{name}";
                if (properties?[name] is JsonObject propertySchema) Check(property, propertySchema, propertyPath, errors, false);
                else
                    switch (schema["additionalProperties"])
                    {
                        // false closes the object; a schema constrains the other properties; {} or no keyword allows anything.
                        case JsonValue flag when flag.GetValueKind() == JsonValueKind.False:
                            errors.Add($"{propertyPath}: property is not allowed (additionalProperties: false)");
                            break;
                        case JsonObject additional when additional.Count > 0:
                            Check(property, additional, propertyPath, errors, false);
                            break;
                    }
            }
        }

        if (value is JsonArray array && schema["items"] is JsonObject items)
            for (var i = 0; i < array.Count && errors.Count < MaxErrors; i++)
                Check(array[i], items, $"{path}[{i}]", errors, false);
    }

    private static bool HasType(JsonNode value, string type, string? format, out string error)
    {
        var kind = value.GetValueKind();
        error = $"expected {type}{(format is null ? "" : $" ({format})")} but got {kind.ToString().ToLowerInvariant()} {Short(value)}";
        switch (type)
        {
            case "object": return kind == JsonValueKind.Object;
            case "array": return kind == JsonValueKind.Array;
            case "string": return kind == JsonValueKind.String;
            case "boolean": return kind is JsonValueKind.True or JsonValueKind.False;
            case "number": return kind == JsonValueKind.Number;
            case "integer":
                if (kind != JsonValueKind.Number) return false;
                var text = value.ToJsonString();
                if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || decimal.Truncate(number) != number)
                    return false;
                var (min, max) = format switch
                {
                    "int32" => ((decimal)int.MinValue, (decimal)int.MaxValue),
                    "int64" => (long.MinValue, long.MaxValue),
                    _ => (decimal.MinValue, decimal.MaxValue),
                };
                if (number >= min && number <= max) return true;
                error = $"{text} is out of the {format} range";
                return false;
            default:
                throw new NotSupportedException($"Unknown schema type '{type}'.");
        }
    }

    private static bool HasFormat(string text, string format) => format switch
    {
        "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "date-time" => DateTimePattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
        "uuid" => Guid.TryParseExact(text, "D", out _),
        // Formats that say nothing checkable about a string (binary bodies, free text).
        _ => true,
    };

    /// <summary>RFC 3339 date-time: full date, 'T', time with optional fraction, and 'Z' or an offset.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    private static string Short(JsonNode value)
    {
        var json = value.ToJsonString();
        return json.Length <= 60 ? json : json[..57] + "…";
    }
}
