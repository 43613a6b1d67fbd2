using System.Text.Json.Nodes;

namespace PlanApi.Tests.Infrastructure;

/// <summary>Looks up the seeded Cần Thơ plan 244/KH-UBND.</summary>
public static class SeededPlan
{
    public const string Number = "244/KH-UBND";

    public static async Task<string> IdAsync(HttpClient client)
    {
        var page = await client.GetJsonAsync("/api/v1/plans?year=2023&issuer=ubnd-can-tho&q=244/KH-UBND&limit=100");
        var plan = page["items"]!.AsArray().Single(p => p!["number"]!.GetValue<string>() == Number && p["issuedOn"]!.GetValue<string>() == "2022-12-20");
        return plan!["id"]!.GetValue<string>();
    }

    public static async Task<JsonNode> ItemAsync(HttpClient client, int ordinal) =>
        await client.GetJsonAsync($"/api/v1/plans/{await IdAsync(client)}/items/{ordinal}");
}
