using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using PlanApi.Data;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PlanApi.Features.Changes;

/// <summary>
/// Puts the change feed's cursor on a list a mirror starts from (<c>X-Changes-Cursor</c>): list, then follow
/// <c>GET /changes?after={cursor}</c>, and no change is missed. The cursor is read before the list: every change at or
/// below it had committed when the list was read, so the list shows it; a change after it may show in the list too
/// (the mirror then meets it twice, never not at all).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChangesCursorAttribute : Attribute, IAsyncActionFilter
{
    public const string HeaderName = "X-Changes-Cursor";

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var db = context.HttpContext.RequestServices.GetRequiredService<PlanDbContext>();
        // The feed lists positions below the horizon only: one below it is what the feed has listed so far.
        var cursor = await db.Database.SqlQuery<long>($"SELECT change_feed_horizon() - 1 AS \"Value\"").SingleAsync(context.HttpContext.RequestAborted);
        context.HttpContext.Response.Headers[HeaderName] = cursor.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await next();
    }
}

/// <summary>Documents <c>X-Changes-Cursor</c> on the lists that carry it.</summary>
internal sealed class ChangesCursorOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ChangesCursorAttribute>().Any()) return;
        if (operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response) return;
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[ChangesCursorAttribute.HeaderName] = new OpenApiHeader
        {
            Description = "The change feed's cursor as of this list: follow GET /api/v1/changes?after={cursor} to keep a copy current " +
                "without missing a change (a change may come both in the list and in the feed).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
        };
    }
}

public static class ChangesSetup
{
    public static IServiceCollection AddPlanApiChangesCursor(this IServiceCollection services) =>
        services.Configure<SwaggerGenOptions>(o => o.OperationFilter<ChangesCursorOperationFilter>());
}
