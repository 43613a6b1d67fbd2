using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.ProgressReports;

/// <summary>Builds and sends progress report requests.</summary>
internal static class ProgressReportRequests
{
    public const string BanTdkt = "ban-tdkt-can-tho";

    public static string Url(string planId, int ordinal) => $"/api/v1/plans/{planId}/items/{ordinal}/progress-reports";

    /// <summary>How many reports the database holds for the item (read straight from PostgreSQL).</summary>
    public static async Task<int> StoredCountAsync(this PlanApiFactory api, string planId, int ordinal)
    {
        var id = Guid.Parse(planId);
        await using var db = api.NewDbContext();
        return await db.ProgressReports.CountAsync(r => r.PlanItem!.PlanId == id && r.PlanItem.Ordinal == ordinal);
    }

    public static JsonObject Body(
        string status = "in_progress", int? percent = 50, string agency = BanTdkt,
        string summary = "Đã triển khai hướng dẫn đến các cơ quan, đơn vị, địa phương.") => new()
        {
            ["reportingAgencyCode"] = agency,
            ["status"] = status,
            ["percentComplete"] = percent,
            ["summary"] = summary,
            ["evidence"] = new JsonObject
            {
                ["documentNumber"] = "25/BC-BTĐKT",
                ["documentDate"] = "2023-03-10",
                ["url"] = "https://cantho.gov.vn/van-ban/25-bc-btdkt",
            },
            ["periodFrom"] = "2023-03-01",
            ["periodTo"] = "2023-03-10",
        };

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string planId, int ordinal, JsonObject body, string? key) =>
        client.PostRawAsync(Url(planId, ordinal), body.ToJsonString(), Headers(key));

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string planId, int ordinal, string json, string? key) =>
        client.PostRawAsync(Url(planId, ordinal), json, Headers(key));

    /// <summary>Posts with a fresh key and expects 201; returns the report.</summary>
    public static async Task<JsonNode> PostReportAsync(this HttpClient client, string planId, int ordinal, JsonObject body) =>
        await (await client.PostAsync(planId, ordinal, body, NewKey())).JsonAsync(HttpStatusCode.Created);

    public static async Task<JsonNode> ListAsync(this HttpClient client, string planId, int ordinal, string query = "") =>
        await client.GetJsonAsync(Url(planId, ordinal) + query);

    public static async Task<int> TotalAsync(this HttpClient client, string planId, int ordinal) =>
        (await client.ListAsync(planId, ordinal))["total"]!.GetValue<int>();

    public static string NewKey() => Guid.NewGuid().ToString();

    private static (string, string)[] Headers(string? key) => key is null ? [] : [("Idempotency-Key", key)];

    /// <summary>The ordinals the plan's overdue list holds, checking the list agrees with itself.</summary>
    public static async Task<List<int>> OverdueOrdinalsAsync(this HttpClient client, string planId)
    {
        var page = await client.GetJsonAsync($"/api/v1/plans/{planId}/items?overdue=true&limit=100");
        var ordinals = page["items"]!.AsArray().Select(i => i!["ordinal"]!.GetValue<int>()).ToList();
        Assert.Equal(ordinals.Count, page["total"]!.GetValue<int>());
        Assert.All(page["items"]!.AsArray(), i => Assert.True(i!["overdue"]!.GetValue<bool>()));
        return ordinals;
    }

    public static async Task<JsonNode> ItemAsync(this HttpClient client, string planId, int ordinal) =>
        await client.GetJsonAsync($"/api/v1/plans/{planId}/items/{ordinal}");
}
