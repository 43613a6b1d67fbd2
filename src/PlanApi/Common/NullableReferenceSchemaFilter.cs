using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PlanApi.Common;

/// <summary>
/// A nullable object property is written as <c>allOf: [$ref], nullable: true</c>; OpenAPI 3.0 tools only honour
/// <c>nullable</c> next to a <c>type</c>, so repeat the referenced schema's type (object, or string for enums);
/// otherwise "deputy": null fails validation. Only there: client generators (NSwag, Kiota) read a <c>type</c> beside
/// <c>allOf</c> as a type of its own, a string instead of the enum or a new class instead of the referenced one.
/// </summary>
internal sealed class NullableReferenceSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        foreach (var property in schema.Properties?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (property.AllOf is not [OpenApiSchemaReference reference] || property.Type is not JsonSchemaType.Null) continue;
            var target = reference.Reference.Id is { } id && context.SchemaRepository.Schemas.TryGetValue(id, out var found) ? found : null;
            var type = target?.Type ?? JsonSchemaType.Object;
            property.Type = (type & ~JsonSchemaType.Null) | (property.Type ?? 0);
        }
    }
}
