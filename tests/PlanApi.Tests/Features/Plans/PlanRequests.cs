using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Plans;

/// <summary>Request bodies and calls shared by the plan and plan-item tests.</summary>
public static partial class PlanRequests
{
    public const string PlansUrl = "/api/v1/plans";

    private static int _sequence = 1000;


    /// <summary>A plan number nobody else in the run uses, e.g. "1001/KH-UBND".</summary>
    public static string UniqueNumber(string symbol = "KH-UBND") => $"{Interlocked.Increment(ref _sequence)}/{symbol}";

    /// <summary>A complete, valid plan body. <paramref name="lifecycle"/> null leaves the default (draft).</summary>
    public static JsonObject PlanBody(
        string? number = null, string issuerCode = "ubnd-can-tho", int year = 2024, string issuedOn = "2023-12-20",
        string? lifecycle = null, string title = "Triển khai công tác thi đua, khen thưởng năm 2024") => new()
        {
            ["issuerCode"] = issuerCode,
            ["number"] = number ?? UniqueNumber(),
            ["documentType"] = "KH",
            ["place"] = "Cần Thơ",
            ["issuedOn"] = issuedOn,
            ["year"] = year,
            ["title"] = title,
            ["preamble"] = "Ủy ban nhân dân thành phố ban hành Kế hoạch với những nội dung chủ yếu sau:",
            ["legalBases"] = new JsonArray(new JsonObject
            {
                ["number"] = "42/NQ-HĐND",
                ["documentType"] = "NQ",
                ["date"] = "2022-12-09",
                ["issuerName"] = "Hội đồng nhân dân thành phố",
                ["issuerCode"] = "hdnd-can-tho",
                ["title"] = "về kết quả thực hiện nhiệm vụ kinh tế - xã hội năm 2022",
            }),
            ["purposes"] = new JsonArray(
                new JsonObject { ["label"] = "a", ["text"] = "Đẩy mạnh các phong trào thi đua yêu nước." },
                new JsonObject { ["label"] = "b", ["text"] = "Nâng cao chất lượng công tác khen thưởng." }),
            ["requirements"] = new JsonArray(new JsonObject { ["label"] = null, ["text"] = "Các cơ quan chủ động xây dựng kế hoạch." }),
            ["duties"] = new JsonArray(new JsonObject
            {
                ["ordinal"] = 1,
                ["text"] = "Giao Ban Thi đua - Khen thưởng thành phố theo dõi, đôn đốc.",
                ["agencyCodes"] = new JsonArray("ban-tdkt-can-tho", "so-noi-vu-can-tho"),
            }),
            ["recipients"] = new JsonArray("Văn phòng Chính phủ", "Ban TĐ-KT Trung ương", "Lưu: VT"),
            ["signature"] = new JsonObject
            {
                ["authorityPrefix"] = "TM.",
                ["authorityBody"] = "Ủy ban nhân dân",
                ["position"] = "Chủ tịch",
                ["signer"] = "Trần Việt Trường",
            },
            ["lifecycle"] = lifecycle,
        };

    /// <summary>A complete, valid item body; <paramref name="ordinal"/> null leaves it out (for PUT).</summary>
    public static JsonObject ItemBody(
        int? ordinal, int quarter = 2, string lead = "ban-tdkt-can-tho", string[]? coordinators = null,
        JsonObject? due = null, string? dueText = null, string content = "Tổ chức Hội nghị sơ kết phong trào thi đua yêu nước")
    {
        var body = new JsonObject();
        if (ordinal is { } o) body["ordinal"] = o;
        body["quarter"] = quarter;
        body["content"] = content;
        body["leadAgencyCode"] = lead;
        body["leadRole"] = "Cơ quan Thường trực Hội đồng TĐKT";
        body["coordinatingAgencyCodes"] = new JsonArray((coordinators ?? []).Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
        body["andRelatedAgencies"] = true;
        body["executingUnitsText"] = "Ban TĐKT thành phố chủ trì phối hợp với các cơ quan liên quan";
        body["due"] = due;
        body["dueText"] = dueText;
        return body;
    }

    public static JsonObject Due(int year, int month, string part = "whole") =>
        new() { ["year"] = year, ["month"] = month, ["part"] = part };

    public static async Task<JsonNode> CreatePlanAsync(this HttpClient client, JsonObject body) =>
        await (await client.SendJsonAsync(HttpMethod.Post, PlansUrl, body.ToJsonString())).JsonAsync(HttpStatusCode.Created);

    /// <summary>Creates a plan and returns its id.</summary>
    public static async Task<string> CreatePlanIdAsync(this HttpClient client, JsonObject body) =>
        (await client.CreatePlanAsync(body))["id"]!.GetValue<string>();

    public static async Task<JsonNode> CreateItemAsync(this HttpClient client, string planId, JsonObject body) =>
        await (await client.SendJsonAsync(HttpMethod.Post, $"{PlansUrl}/{planId}/items", body.ToJsonString()))
            .JsonAsync(HttpStatusCode.Created);

    /// <summary>Posts a progress report with a fresh Idempotency-Key and returns it.</summary>
    public static async Task<JsonNode> PostReportAsync(
        this HttpClient client, string planId, int ordinal, string agency, string status, int percent, string summary = "Đã triển khai thực hiện.")
    {
        var body = new JsonObject
        {
            ["reportingAgencyCode"] = agency,
            ["status"] = status,
            ["percentComplete"] = percent,
            ["summary"] = summary,
        };
        var response = await client.SendJsonAsync(HttpMethod.Post, $"{PlansUrl}/{planId}/items/{ordinal}/progress-reports",
            body.ToJsonString(), ("Idempotency-Key", Guid.NewGuid().ToString()));
        return await response.JsonAsync(HttpStatusCode.Created);
    }

    /// <summary>
    /// Stores a progress report straight in the database, as the report endpoint would, so that the item rules that
    /// depend on reports are checked even while POST .../progress-reports is broken.
    /// </summary>
    public static async Task<Guid> StoreReportAsync(
        this PlanApiFactory api, string planId, int ordinal, string agencyCode, PlanApi.Domain.ItemStatus status, int percent)
    {
        await using var db = api.NewDbContext();
        var item = await db.PlanItems.SingleAsync(i => i.PlanId == Guid.Parse(planId) && i.Ordinal == ordinal);
        var agencyId = await db.Agencies.Where(a => a.Code == agencyCode).Select(a => a.Id).SingleAsync();
        var report = new PlanApi.Domain.ProgressReport
        {
            PlanItemId = item.Id,
            ReportingAgencyId = agencyId,
            Status = status,
            PercentComplete = percent,
            Summary = "Đã triển khai thực hiện.",
            ReportedAt = api.Clock.GetUtcNow(),
        };
        db.ProgressReports.Add(report);
        item.Apply(report);
        item.UpdatedAt = report.ReportedAt;
        await db.SaveChangesAsync();
        return report.Id;
    }

    /// <summary>Sends <paramref name="json"/> exactly as given, as application/json.</summary>
    public static async Task<HttpResponseMessage> SendJsonAsync(
        this HttpClient client, HttpMethod method, string url, string json, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await client.SendAsync(request);
    }

    /// <summary>
    /// Asserts a 400 and returns its problem body. The media type is checked separately, with
    /// <see cref="AssertProblemJson"/>, after the test has checked the fields and that nothing was written.
    /// </summary>
    public static async Task<JsonNode> BadRequestAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400 but got {(int)response.StatusCode}: {body}");
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        return problem;
    }

    /// <summary>Errors are RFC 9457 problem details: <c>application/problem+json</c>.</summary>
    public static void AssertProblemJson(this HttpResponseMessage response) =>
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

    /// <summary>Asserts that a 400 problem names <paramref name="field"/> in <c>errors</c>.</summary>
    public static void AssertNames(this JsonNode problem, string field) =>
        Assert.True(problem.ErrorFields().Contains(field),
            $"errors should name '{field}' but name [{string.Join(", ", problem.ErrorFields())}]: {problem.ToJsonString()}");

    /// <summary>Sets <paramref name="path"/> ("title", "signature.position", "purposes[0].text") in a body.</summary>
    public static void Set(JsonObject body, string path, JsonNode? value)
    {
        JsonNode node = body;
        var segments = path.Split('.');
        for (var s = 0; s < segments.Length; s++)
        {
            var last = s == segments.Length - 1;
            var match = Segment().Match(segments[s]);
            var name = match.Groups["name"].Value;
            if (!match.Groups["index"].Success)
            {
                if (last) node.AsObject()[name] = value;
                else node = node[name]!;
                continue;
            }
            var array = node[name]!.AsArray();
            var index = int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (last) array[index] = value;
            else node = array[index]!;
        }
    }

    /// <summary>A JSON string literal, e.g. for NUL: <c>"a\u0000b"</c>.</summary>
    public static string Str(string value) => JsonSerializer.Serialize(value);

    /// <summary>A JSON array of <paramref name="count"/> distinct strings.</summary>
    public static string StrArray(int count, Func<int, string> entry) =>
        JsonSerializer.Serialize(Enumerable.Range(0, count).Select(entry).ToArray());

    public static string Text(this JsonNode node, string property) => node[property]!.GetValue<string>();

    public static int Int(this JsonNode node, string property) => node[property]!.GetValue<int>();

    public static List<int> Ordinals(this JsonNode page) =>
        page["items"]!.AsArray().Select(i => i!["ordinal"]!.GetValue<int>()).ToList();

    public static List<string> Codes(this JsonNode array) =>
        array.AsArray().Select(c => c!["code"]!.GetValue<string>()).ToList();

    [GeneratedRegex(@"^(?<name>[A-Za-z]+)(\[(?<index>\d+)\])?$")]
    private static partial Regex Segment();
}
