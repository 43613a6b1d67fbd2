using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Asp.Versioning;
using Microsoft.AspNetCore.Mvc;

namespace PlanApi.Common;

public static class ApiDefaults
{
    /// <summary>The API's JSON settings as one shared instance (ETags, examples, seeds), equal to MVC's.</summary>
    public static JsonSerializerOptions Json { get; } = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ConfigureJson(options);
        return options;
    }

    /// <summary>camelCase properties, snake_case enum strings, ISO 8601 dates, Vietnamese unescaped.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new SnakeCaseEnumConverterFactory());
        // Numbers are numbers: "50" is not 50.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new NfcStringConverter());
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        options.AllowTrailingCommas = false;
        // Unknown fields are refused, as the contract says (additionalProperties: false): a typo never passes silently.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.MaxDepth = 32;
    }

    public static IServiceCollection AddPlanApiControllers(this IServiceCollection services)
    {
        services.AddControllers(o =>
            {
                // FluentValidation reports every missing field at once; MVC's implicit [Required] would stop at the first pass.
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                o.ModelBinderProviders.Insert(0, new SnakeCaseEnumModelBinderProvider());
                o.ModelBinderProviders.Insert(0, new IsoDateModelBinderProvider());
                o.Filters.Add<ConditionalGetFilter>();
                o.Filters.Add(new ProblemContentTypeFilter());
            })
            .AddJsonOptions(o => ConfigureJson(o.JsonSerializerOptions))
            .ConfigureApiBehaviorOptions(o =>
            {
                // Binding errors ("$.quarter": wrong type, malformed JSON) answer with validation problem details.
                o.InvalidModelStateResponseFactory = context =>
                {
                    var problem = new ValidationProblemDetails(CleanKeys(context.ModelState))
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = "One or more fields are invalid.",
                        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                        Instance = context.HttpContext.Request.Path,
                    };
                    problem.Extensions["traceId"] = TraceId(context.HttpContext);
                    // A JsonResult keeps its content type: [Produces("application/json")] would override an ObjectResult's.
                    return new JsonResult(problem) { StatusCode = StatusCodes.Status400BadRequest, ContentType = "application/problem+json" };
                };
            });

        services.AddApiVersioning(o =>
            {
                o.DefaultApiVersion = new ApiVersion(1, 0);
                o.ReportApiVersions = true;
                o.AssumeDefaultVersionWhenUnspecified = false;
                o.ApiVersionReader = new UrlSegmentApiVersionReader();
            })
            .AddMvc()
            .AddApiExplorer(o =>
            {
                o.GroupNameFormat = "'v'VVV";
                o.SubstituteApiVersionInUrl = true;
            });

        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
            c.ProblemDetails.Extensions["traceId"] = TraceId(c.HttpContext);
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        return services;
    }

    /// <summary>The serializer's messages name .NET types; say what is wrong in the client's terms instead.</summary>
    private static string Friendly(Microsoft.AspNetCore.Mvc.ModelBinding.ModelError error) =>
        error.ErrorMessage.Contains("could not be mapped to any .NET member", StringComparison.Ordinal)
            ? "Unknown field: it is not part of this resource (see the schema)."
        : error.Exception is not null || error.ErrorMessage.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            ? "The value has the wrong type or format (see the schema)."
            : string.IsNullOrEmpty(error.ErrorMessage) ? "The value is not valid." : error.ErrorMessage;

    /// <summary>The request's W3C trace id, as its log lines (TraceId) and its trace show it.</summary>
    public static string TraceId(HttpContext context) =>
        System.Diagnostics.Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier;

    /// <summary>"$.items[0].quarter" → "items[0].quarter"; drops the binder's noise entry for the whole body.</summary>
    private static Dictionary<string, string[]> CleanKeys(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state)
    {
        var errors = state.Where(kv => kv.Value is { Errors.Count: > 0 })
            .Select(kv => (Key: kv.Key.StartsWith("$.", StringComparison.Ordinal) ? kv.Key[2..] : kv.Key == "$" ? "body" : kv.Key,
                Messages: kv.Value!.Errors.Select(e => Friendly(e)).ToArray()))
            .ToList();
        var specific = errors.Where(e => e.Key is not ("request" or "body" or "command")).ToList();
        var chosen = specific.Count > 0 ? specific : errors;
        return chosen.GroupBy(e => RequestValidationException.FieldPath(e.Key))
            .ToDictionary(g => g.Key.Length == 0 ? "body" : g.Key, g => g.SelectMany(e => e.Messages).Distinct().ToArray());
    }
}
