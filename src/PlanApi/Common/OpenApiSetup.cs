using System.Reflection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PlanApi.Common;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddPlanApiOpenApi(this IServiceCollection services)
    {
        services.AddSingleton<PublishedNumbers>();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "PlanApi",
                Version = "1.0",
                Description = """
                    Vietnamese government plans as data: plans (kế hoạch), their items (tasks), the agencies that lead
                    and co-operate on them, cụm/khối thi đua groupings, and the progress reports agencies post.

                    Seeded with plan 244/KH-UBND of the People's Committee of Cần Thơ: *Triển khai công tác thi đua,
                    khen thưởng năm 2023*.

                    * JSON is camelCase; enums are snake_case strings; dates are ISO 8601 (`2023-02-10`).
                    * Lists take `limit` (1–100, default 20) and `offset`, and answer `total` and a `next` link.
                    * Errors are RFC 9457 problem details (`application/problem+json`); a 400 names each bad field in `errors`.
                    * An item's status comes from its newest progress report. Post reports with an `Idempotency-Key`
                      header: a retry with the same key never creates a second report.
                    * Reading published data needs no credentials. Writes need an API key (`X-Api-Key`) or a bearer
                      token: admins manage resources; a reporter posts progress for its own agency; readers also see drafts.
                      Click **Authorize** to try them here.
                    """,
                Contact = new OpenApiContact { Name = "PlanApi" },
                License = new OpenApiLicense { Name = "MIT" },
            });
            foreach (var xml in new[] { Assembly.GetExecutingAssembly().GetName().Name })
            {
                var path = Path.Combine(AppContext.BaseDirectory, $"{xml}.xml");
                if (File.Exists(path)) o.IncludeXmlComments(path, includeControllerXmlComments: true);
            }
            o.AddServer(new OpenApiServer { Url = "/", Description = "The server that serves this document" });
            // "deputy": null must validate: nullable references are written as allOf + nullable (OpenAPI 3.0).
            o.UseAllOfToExtendReferenceSchemas();
            o.SupportNonNullableReferenceTypes();
            o.NonNullableReferenceTypesAsRequired();
            o.CustomOperationIds(d => d.ActionDescriptor.RouteValues["action"] is { } action
                && d.ActionDescriptor.RouteValues["controller"] is { } controller
                ? OperationId(controller, action)
                : null);
            // The order a newcomer needs them: the plan, its items, reporting progress, then reference data.
            // Two digits, because the keys sort as text: "10" (Audit) came before "2" (Progress reports).
            o.OrderActionsBy(d => $"{TagOrder(d.ActionDescriptor.RouteValues["controller"]):D2} {d.RelativePath} {MethodOrder(d.HttpMethod)}");
            Security.SecurityOperationFilter.AddSchemes(o);
            o.SchemaFilter<NullableReferenceSchemaFilter>();
            o.OperationFilter<ConditionalRequestsOperationFilter>();
            o.OperationFilter<ExamplesOperationFilter>();
            o.DocumentFilter<PublishedNumbersFilter>();
        });
        return services;
    }

    /// <summary>Stable operation ids for generated clients: "listPlans", "getPlanItem", "postProgressReport".</summary>
    private static string OperationId(string controller, string action)
    {
        if (controller == "Status")
            return action switch { "Plans" => "listPlanStatuses", "Agency" => "getAgencyStatus", _ => "getPlanStatus" };
        var resource = controller switch
        {
            "Plans" => "Plan",
            "PlanItems" => "PlanItem",
            "Agencies" => "Agency",
            "AdministrativeUnits" => "AdministrativeUnit",
            "Groupings" => "Grouping",
            "ProgressReports" => "ProgressReport",
            "ApiKeys" => "ApiKey",
            "Audit" => "AuditEntry",
            "Changes" => "Change",
            "PlanImports" => "PlanImport",
            // "getProgressSheetXlsx", "importProgressSheet".
            "ProgressSheets" or "ProgressImports" => "ProgressSheet",
            "WebhookSubscriptions" => "WebhookSubscription",
            // Export actions are named in full: "exportPlanCsv", "getAgencyCalendar".
            "Exports" => "",
            _ => controller,
        };
        return action switch
        {
            "List" => "list" + Plural(resource),
            "Items" => "list" + resource + "Items",
            // "listWebhookSubscriptionDeliveries", "rotateWebhookSubscriptionSecret".
            "Deliveries" => "list" + resource + "Deliveries",
            "RotateSecret" => "rotate" + resource + "Secret",
            _ => char.ToLowerInvariant(action[0]) + action[1..] + resource,
        };
    }

    private static int TagOrder(string? controller) =>
        Array.IndexOf(["Plans", "PlanItems", "ProgressReports", "Status", "Changes", "Exports", "ProgressSheets", "ProgressImports", "WebhookSubscriptions", "PlanImports", "Agencies", "Groupings", "AdministrativeUnits", "ApiKeys", "Audit"], controller) is var i and >= 0 ? i : 9;

    private static int MethodOrder(string? method) =>
        Array.IndexOf(["GET", "POST", "PUT", "PATCH", "DELETE"], method) is var i and >= 0 ? i : 9;

    /// <summary>"Agency" → "Agencies", "ApiKey" → "ApiKeys" (a vowel before the y keeps it).</summary>
    private static string Plural(string resource) =>
        resource.EndsWith('y') && resource.Length > 1 && !"aeiou".Contains(resource[^2]) ? resource[..^1] + "ies" : resource + "s";
}
