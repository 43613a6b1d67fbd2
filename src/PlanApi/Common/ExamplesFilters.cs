using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PlanApi.Common;

/// <summary>Puts a realistic example on every request body and response of every operation.</summary>
internal sealed class ExamplesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var body = context.ApiDescription.ParameterDescriptions
            .FirstOrDefault(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body)?.Type;
        if (body is not null && operation.RequestBody?.Content is { } requestContent && ApiExamples.For(body) is { } requestExample)
        {
            foreach (var media in requestContent.Values.OfType<OpenApiMediaType>()) media.Example = requestExample;
        }

        if (operation.Responses is null) return;
        ProblemContentTypes(operation);
        foreach (var response in context.ApiDescription.SupportedResponseTypes)
        {
            var key = response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!operation.Responses.TryGetValue(key, out var openApiResponse) || openApiResponse.Content is null) continue;
            var example = response.Type is { } type && type != typeof(void)
                ? ApiExamples.For(type, response.StatusCode, context.ApiDescription.RelativePath)
                : null;
            if (example is null) continue;
            foreach (var media in openApiResponse.Content.Values.OfType<OpenApiMediaType>()) media.Example = example;
        }
        // Responses added by other filters (401, 403, 412, 428, 429) are problem details too.
        foreach (var (code, response) in operation.Responses)
        {
            if (code[0] is not ('4' or '5') || response.Content is null) continue;
            foreach (var media in response.Content.Values.OfType<OpenApiMediaType>())
                media.Example ??= ApiExamples.For(typeof(ProblemDetails), int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), context.ApiDescription.RelativePath);
        }
    }

    /// <summary>Errors are written as application/problem+json (RFC 9457); say so instead of application/json.</summary>
    private static void ProblemContentTypes(OpenApiOperation operation)
    {
        foreach (var (code, response) in operation.Responses!)
        {
            if (code[0] is not ('4' or '5') || response.Content is not { Count: > 0 } content) continue;
            var media = content.Values.First();
            content.Clear();
            content["application/problem+json"] = media;
        }
    }
}

internal static class ApiExamples
{
    private static readonly JsonSerializerOptions Json = ApiDefaults.Json;

    public static JsonNode? For(Type type, int status = 200, string? path = null)
    {
        if (type == typeof(ValidationProblemDetails) || type == typeof(ProblemDetails)) return Problem(status, path);
        return ForSchema(type);
    }

    public static JsonNode? ForSchema(Type type) =>
        ContractExamples.Values.TryGetValue(type, out var value) ? JsonSerializer.SerializeToNode(value, type, Json) : null;

    private static JsonNode Problem(int status, string? path)
    {
        var instance = "/" + (path ?? "api/v1/plans").Replace("{version}", "1", StringComparison.Ordinal);
        ProblemDetails problem = status switch
        {
            400 => new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["quarter"] = ["'Quarter' must be between 1 and 4. You entered 5."],
                ["leadAgencyCode"] = ["'Lead Agency Code' must not be empty."],
            })
            { Title = "One or more fields are invalid.", Status = 400 },
            404 => new ProblemDetails { Title = "Not found", Status = 404, Detail = "Plan '0195f3a0-1c2b-7d4e-8f90-123456789abc' does not exist." },
            409 => new ProblemDetails { Title = "Conflict", Status = 409, Detail = "Plan 244/KH-UBND of 2022 already exists for this issuer." },
            422 => new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["reportingAgencyCode"] = ["Agency 'ninh-kieu' neither leads nor co-operates on item 6."],
            })
            { Title = "Unprocessable request", Status = 422, Detail = "Agency 'ninh-kieu' neither leads nor co-operates on item 6." },
            401 => new ProblemDetails { Title = "Unauthorized", Status = 401, Detail = "Send a valid X-Api-Key header or an Authorization: Bearer token." },
            403 => new ProblemDetails { Title = "Forbidden", Status = 403, Detail = "Agency 'ninh-kieu' neither leads nor co-operates on item 6." },
            412 => new ProblemDetails { Title = "Precondition failed", Status = 412, Detail = "The resource changed since you read it: its ETag is now \"W/7091\". Read it again and retry." },
            413 => new ProblemDetails { Title = "Request body too large", Status = 413, Detail = "Request bodies are limited to 1 MiB (1048576 bytes); this one is 1.5 MiB (1572864 bytes)." },
            428 => new ProblemDetails { Title = "Precondition required", Status = 428, Detail = "Send If-Match with the ETag you read, so that no one else's change is overwritten." },
            415 => new ProblemDetails { Title = "Unsupported Media Type", Status = 415, Detail = "Send the body as application/json." },
            429 => new ProblemDetails { Title = "Too many requests", Status = 429, Detail = "Rate limit reached; retry after the delay in Retry-After." },
            503 => new ProblemDetails { Title = "Service temporarily unavailable", Status = 503, Detail = "The database is unavailable or busy; retry after the delay in Retry-After." },
            _ => new ProblemDetails { Title = "Unexpected error", Status = 500, Detail = "The error has been logged; quote the traceId when you report it." },
        };
        problem.Type = $"https://tools.ietf.org/html/rfc9110#section-15.{(status >= 500 ? "6" : "5")}.{StatusIndex(status)}";
        problem.Instance = instance;
        problem.Extensions["traceId"] = "4bf92f3577b34da6a3ce929d0e0e4736";
        return JsonSerializer.SerializeToNode(problem, problem.GetType(), Json)!;
    }

    private static int StatusIndex(int status) => status switch
    {
        400 => 1,
        401 => 2,
        403 => 4,
        404 => 5,
        409 => 10,
        412 => 13,
        413 => 14,
        415 => 16,
        422 => 21,
        428 => 1,
        429 => 1,
        503 => 4,
        _ => 1,
    };

}
