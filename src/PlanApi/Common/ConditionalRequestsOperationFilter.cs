using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PlanApi.Common;

/// <summary>Documents ETag / If-None-Match → 304 on every GET and the required If-Match on PUT and DELETE.</summary>
internal sealed class ConditionalRequestsOperationFilter : IOperationFilter
{
    private static OpenApiResponse Problem(string description, IOpenApiSchema schema) => new()
    {
        Description = description,
        Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var method = context.ApiDescription.HttpMethod;
        if (method == "GET" && operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse okResponse)
        {
            okResponse.Headers ??= new Dictionary<string, IOpenApiHeader>();
            okResponse.Headers["ETag"] = new OpenApiHeader
            {
                Description = "Strong validator of this representation: send it back in If-None-Match to poll cheaply, or in If-Match to update.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-None-Match",
                In = ParameterLocation.Header,
                Description = "The ETag of your cached copy: if it is still current the answer is 304 with no body.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            operation.Responses["304"] = new OpenApiResponse { Description = "Not modified: your copy (If-None-Match) is current." };
        }
        if (operation.RequestBody is not null)
        {
            var problem = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository);
            operation.Responses ??= [];
            operation.Responses.TryAdd("413", Problem("The body is larger than allowed ({config:Limits:MaxRequestBodyBytes}; {config:Limits:MaxUploadBytes} for plan uploads).", problem));
            operation.Responses.TryAdd("415", Problem("The Content-Type is not one this operation accepts.", problem));
        }
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name == "If-Match") parameter.Required = true;
        }
    }
}
