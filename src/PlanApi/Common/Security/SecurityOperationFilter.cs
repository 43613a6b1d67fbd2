using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PlanApi.Common.Security;

/// <summary>
/// States each operation's security: writes require an API key or a bearer token and may answer 401/403;
/// reads accept anonymous callers (published data) and credentials (drafts too), and answer 401 to a refused one.
/// </summary>
internal sealed class SecurityOperationFilter : IOperationFilter
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var required = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var apiKey = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] };
        var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] };
        operation.Security = required ? [apiKey, bearer] : [new OpenApiSecurityRequirement(), apiKey, bearer];

        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        operation.Responses ??= [];
        if (!required)
        {
            operation.Responses.TryAdd("401", Problem(
                "A credential was sent and refused (malformed, unknown or revoked key; invalid or expired token; an Authorization scheme other than Bearer). Send none to read published data.",
                problem));
            return;
        }
        operation.Responses.TryAdd("401", Problem("No valid credentials: send X-Api-Key or Authorization: Bearer.", problem));
        operation.Responses.TryAdd("403", Problem("The credentials do not allow this operation.", problem));
    }

    private static OpenApiResponse Problem(string description, IOpenApiSchema schema) => new()
    {
        Description = description,
        Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
    };

    public static void AddSchemes(SwaggerGenOptions options)
    {
        options.AddSecurityDefinition(ApiKeyScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "An API key issued by the board (admin, reporter bound to one agency, or reader). Shown once, at creation.",
        });
        options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token from the government identity provider; role and agency come from its claims.",
        });
        options.OperationFilter<SecurityOperationFilter>();
    }
}
