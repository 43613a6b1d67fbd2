using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanApi.Domain;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Plans.PlanRequests;

namespace PlanApi.Tests.Features.Security;

/// <summary>Requests, bodies and database checks shared by the security tests.</summary>
internal static class SecurityRequests
{
    public const string PlansPath = "/api/v1/plans";
    public const string AgenciesPath = "/api/v1/agencies";
    public const string GroupingsPath = "/api/v1/groupings";
    public const string ApiKeysPath = "/api/v1/api-keys";
    public const string AuditPath = "/api/v1/audit";
    public const string ChangesPath = "/api/v1/changes";

    /// <summary>Leads item 19 of the seeded plan and nothing else in it.</summary>
    public const string Education = "so-gddt-can-tho";

    /// <summary>Leads or co-operates on every item of the seeded plan (co-operates on 13, 19 and 23).</summary>
    public const string BanTdkt = "ban-tdkt-can-tho";

    /// <summary>A district involved in no item of the seeded plan.</summary>
    public const string NinhKieu = "ninh-kieu";

    public static string NewKey() => Guid.NewGuid().ToString();

    /// <summary>A fresh code such as "sec-3f2a9c0d1b7e".</summary>
    public static string NewCode(string prefix = "sec") => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static JsonObject AgencyBody(string? code, string name = "Trung tâm Thử nghiệm An ninh", string kind = "department",
        string? shortName = null, JsonArray? aliases = null)
    {
        var body = new JsonObject();
        if (code is not null) body["code"] = code;
        body["name"] = name;
        body["shortName"] = shortName;
        body["aliases"] = aliases ?? new JsonArray();
        body["kind"] = kind;
        body["parentCode"] = null;
        return body;
    }

    public static JsonObject GroupingBody(string? code, string name = "Khối thi đua thử nghiệm", int year = 2031, string? head = null)
    {
        var body = new JsonObject();
        if (code is not null) body["code"] = code;
        body["kind"] = "khoi";
        body["name"] = name;
        body["year"] = year;
        body["description"] = null;
        body["memberCodes"] = new JsonArray("ninh-kieu", "cai-rang", "binh-thuy");
        body["headCode"] = head;
        body["deputyCode"] = null;
        return body;
    }

    /// <summary>A report; <paramref name="agency"/> null leaves reportingAgencyCode out (reporter credentials).</summary>
    public static JsonObject ReportBody(string? agency, string status = "in_progress", int percent = 40,
        string summary = "Đã triển khai thực hiện, đang tổng hợp kết quả.")
    {
        var body = new JsonObject();
        if (agency is not null) body["reportingAgencyCode"] = agency;
        body["status"] = status;
        body["percentComplete"] = percent;
        body["summary"] = summary;
        return body;
    }

    public static string ReportsUrl(string planId, int ordinal) => $"{PlansPath}/{planId}/items/{ordinal}/progress-reports";

    public static HttpRequestMessage Request(HttpMethod method, string url, JsonNode? body = null, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, JsonNode? body = null,
        params (string Name, string Value)[] headers)
    {
        using var request = Request(method, url, body, headers);
        return await client.SendAsync(request);
    }

    /// <summary>Posts a report with a fresh (or the given) Idempotency-Key.</summary>
    public static Task<HttpResponseMessage> PostReportAsync(this HttpClient client, string planId, int ordinal, JsonObject body, string? key = null) =>
        client.SendAsync(HttpMethod.Post, ReportsUrl(planId, ordinal), body, ("Idempotency-Key", key ?? NewKey()));

    /// <summary>GETs a resource and returns its body and strong ETag (asserting 200).</summary>
    public static async Task<(JsonNode Body, string ETag)> ReadAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.JsonAsync(HttpStatusCode.OK);
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        return (body, etag.Tag);
    }

    public static async Task<string> ETagAsync(this HttpClient client, string url) => (await client.ReadAsync(url)).ETag;

    /// <summary>Status, ETag and body of a GET, to compare a resource before and after a refused write.</summary>
    public static async Task<string> StateAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        // A problem's traceId differs on every request: only a found resource is compared by content.
        return response.StatusCode == HttpStatusCode.OK
            ? $"200 {response.Headers.ETag?.Tag} {await response.Content.ReadAsStringAsync()}"
            : $"{(int)response.StatusCode}";
    }

    public static HttpClient WithKey(this PlanApiFactory api, string key)
    {
        var client = api.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static HttpClient WithBearer(this PlanApiFactory api, string token)
    {
        var client = api.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<Guid> KeyIdAsync(this PlanApiFactory api, string secret)
    {
        await using var db = api.NewDbContext();
        var hash = ApiKey.Hash(secret);
        return await db.ApiKeys.Where(k => k.KeyHash == hash).Select(k => k.Id).SingleAsync();
    }

    /// <summary>Creates a draft plan (admin) and returns its id and number.</summary>
    public static async Task<(string Id, string Number)> CreateDraftPlanAsync(this HttpClient admin, int year = 2024)
    {
        var number = UniqueNumber();
        var id = await admin.CreatePlanIdAsync(PlanBody(number, year: year, issuedOn: $"{year - 1}-12-20"));
        return (id, number);
    }

    public static async Task<string> CreateAgencyAsync(this HttpClient admin)
    {
        var code = NewCode("co-quan");
        using var response = await admin.SendAsync(HttpMethod.Post, AgenciesPath, AgencyBody(code));
        await response.JsonAsync(HttpStatusCode.Created);
        return code;
    }

    public static async Task<string> CreateGroupingAsync(this HttpClient admin)
    {
        var code = NewCode("khoi");
        using var response = await admin.SendAsync(HttpMethod.Post, GroupingsPath, GroupingBody(code));
        await response.JsonAsync(HttpStatusCode.Created);
        return code;
    }

    /// <summary>The cursor after the last change now in the feed.</summary>
    public static async Task<long> FeedEndAsync(this HttpClient client)
    {
        long cursor = 0;
        while (true)
        {
            var page = await client.GetJsonAsync($"{ChangesPath}?after={cursor}&limit=1000");
            cursor = page["cursor"]!.GetValue<long>();
            if (!page["hasMore"]!.GetValue<bool>()) return cursor;
        }
    }

    /// <summary>Every change after <paramref name="after"/>, following the feed's own next links.</summary>
    public static async Task<List<JsonNode>> FeedAfterAsync(this HttpClient client, long after, int limit = 1000)
    {
        var all = new List<JsonNode>();
        var url = $"{ChangesPath}?after={after}&limit={limit}";
        while (true)
        {
            var page = await client.GetJsonAsync(url);
            all.AddRange(page["items"]!.AsArray().Select(c => c!.DeepClone()));
            url = page["next"]!.GetValue<string>();
            if (!page["hasMore"]!.GetValue<bool>()) return all;
        }
    }

    /// <summary>"agency create co-quan-1234": a change as one comparable line.</summary>
    public static string Describe(JsonNode change) =>
        $"{change["resourceType"]!.GetValue<string>()} {change["action"]!.GetValue<string>()} {change["resourceId"]!.GetValue<string>()}";

    public static async Task<JsonNode> AuditAsync(this HttpClient admin, string query) =>
        await admin.GetJsonAsync($"{AuditPath}?{query}");

    public static List<JsonNode> Items(this JsonNode page) => page["items"]!.AsArray().Select(i => i!).ToList();

    public static string Str(this JsonNode node, string property) => node[property]!.GetValue<string>();

    public static async Task AssertUnauthorizedAsync(this HttpResponseMessage response)
    {
        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.True(response.Headers.WwwAuthenticate.Count > 0, "401 without WWW-Authenticate");
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.Contains("ApiKey", challenge);
        Assert.Contains("Bearer", challenge);
    }
}

/// <summary>Row counts of every table a write can touch: equal before and after means nothing was written.</summary>
internal sealed record DbCounts(
    int Plans, int Items, int Agencies, int Groupings, int Reports, int Keys, int RevokedKeys, int Audit, int Changes, int IdempotencyRecords)
{
    public static async Task<DbCounts> CaptureAsync(PlanApiFactory api)
    {
        await using var db = api.NewDbContext();
        return new DbCounts(
            await db.Plans.CountAsync(),
            await db.PlanItems.CountAsync(),
            await db.Agencies.CountAsync(),
            await db.Groupings.CountAsync(),
            await db.ProgressReports.CountAsync(),
            await db.ApiKeys.CountAsync(),
            await db.ApiKeys.CountAsync(k => k.RevokedAt != null),
            await db.AuditEntries.CountAsync(),
            await db.ChangeRecords.CountAsync(),
            await db.IdempotencyRecords.CountAsync());
    }
}
