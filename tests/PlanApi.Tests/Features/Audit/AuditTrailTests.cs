using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanApi.Domain;
using PlanApi.Tests.Features.Security;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Plans.PlanRequests;
using static PlanApi.Tests.Features.Security.SecurityRequests;

namespace PlanApi.Tests.Features.Audit;

/// <summary>
/// The audit trail (admins only): every accepted write with who made it, when, and the resource before and after;
/// nothing for a refused write; never an API key's secret.
/// </summary>
/// <remarks>This class owns its factory's clock: tests move it forward between writes so "newest first" is exact.</remarks>
public sealed class AuditTrailTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient();

    private static string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));

    /// <summary>A client with its own admin key, and the key's id.</summary>
    private async Task<(HttpClient Client, Guid KeyId, string Name)> AdminAsync(string name)
    {
        var secret = await api.IssueKeyAsync(ClientRole.Admin, clientName: name);
        return (api.WithKey(secret), await api.KeyIdAsync(secret), name);
    }

    private void Tick() => api.Clock.Advance(TimeSpan.FromSeconds(1));

    private async Task<List<JsonNode>> EntriesAsync(string type, string key) =>
        (await _admin.AuditAsync($"resourceType={type}&resourceKey={Uri.EscapeDataString(key)}&limit=100")).Items();

    private static void AssertWho(JsonNode entry, Guid keyId, string name, string? agency)
    {
        Assert.Equal($"key:{keyId}", entry.Str("clientId"));
        Assert.Equal(name, entry.Str("clientName"));
        Assert.Equal(keyId.ToString(), entry.Str("keyId"));
        Assert.Equal(agency, entry["agencyCode"]?.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(entry.Str("traceId")));
    }

    private static void AssertSame(JsonNode? expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected?.ToJsonString()}\nactual   {actual?.ToJsonString()}");

    [Fact]
    public async Task Create_and_update_are_recorded_with_who_when_before_and_after_newest_first()
    {
        var (client, keyId, name) = await AdminAsync("Cổng TTĐT thành phố (nhật ký)");
        var code = NewCode("co-quan-nk");
        Tick();
        var createdAt = api.Clock.GetUtcNow();
        var created = await (await client.SendAsync(HttpMethod.Post, AgenciesPath, AgencyBody(code))).JsonAsync(HttpStatusCode.Created);
        Tick();
        var updatedAt = api.Clock.GetUtcNow();
        var updated = await (await client.SendAsync(HttpMethod.Put, $"{AgenciesPath}/{code}", AgencyBody(null, name: "Trung tâm đã đổi tên")))
            .JsonAsync(HttpStatusCode.OK);

        var entries = await EntriesAsync("agency", code);

        Assert.Equal(["update", "create"], entries.Select(e => e.Str("action")));
        var (update, create) = (entries[0], entries[1]);
        foreach (var entry in entries)
        {
            AssertWho(entry, keyId, name, null);
            Assert.Equal("agency", entry.Str("resourceType"));
            Assert.Equal(code, entry.Str("resourceKey"));
        }
        Assert.Equal(createdAt, create["occurredAt"]!.GetValue<DateTimeOffset>());
        Assert.Null(create["before"]);
        AssertSame(created, create["after"]);
        Assert.Equal(updatedAt, update["occurredAt"]!.GetValue<DateTimeOffset>());
        AssertSame(created, update["before"]);
        AssertSame(updated, update["after"]);
        Assert.Equal("Trung tâm đã đổi tên", update["after"]!.Str("name"));
    }

    [Fact]
    public async Task Delete_is_recorded_with_the_resource_before_and_no_after()
    {
        var (client, keyId, name) = await AdminAsync("Phần mềm QLVB thành phố (nhật ký)");
        var (planId, _) = await client.CreateDraftPlanAsync();
        var url = $"{PlansPath}/{planId}";
        var plan = await client.GetJsonAsync(url);
        Tick();
        using (var deleted = await client.DeleteAsync(url)) Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var entries = await EntriesAsync("plan", planId);

        Assert.Equal(["delete", "create"], entries.Select(e => e.Str("action")));
        AssertWho(entries[0], keyId, name, null);
        AssertSame(plan, entries[0]["before"]);
        Assert.Null(entries[0]["after"]);
        Assert.Null(entries[1]["before"]);
        AssertSame(plan, entries[1]["after"]);
    }

    [Fact]
    public async Task Item_update_is_recorded_under_planId_slash_ordinal()
    {
        var (planId, _) = await _admin.CreateDraftPlanAsync();
        var created = await _admin.CreateItemAsync(planId, ItemBody(3, content: "Nội dung trước khi sửa"));
        Tick();
        var updated = await (await _admin.SendAsync(HttpMethod.Put, $"{PlansPath}/{planId}/items/3", ItemBody(null, content: "Nội dung sau khi sửa")))
            .JsonAsync(HttpStatusCode.OK);

        var entries = await EntriesAsync("plan_item", $"{planId}/3");

        Assert.Equal(["update", "create"], entries.Select(e => e.Str("action")));
        AssertSame(created, entries[1]["after"]);
        AssertSame(created, entries[0]["before"]);
        AssertSame(updated, entries[0]["after"]);
    }

    [Fact]
    public async Task Report_is_recorded_with_the_reporters_key_and_agency()
    {
        var secret = await api.IssueKeyAsync(ClientRole.Reporter, Education, "Phần mềm báo cáo Sở GD&ĐT");
        var keyId = await api.KeyIdAsync(secret);
        var planId = await SeededPlan.IdAsync(_admin);
        Tick();
        var report = await (await api.WithKey(secret).PostReportAsync(planId, 19, ReportBody(null, percent: 45))).JsonAsync(HttpStatusCode.Created);

        var entry = Assert.Single(await EntriesAsync("progress_report", report.Str("id")));

        AssertWho(entry, keyId, "Phần mềm báo cáo Sở GD&ĐT", Education);
        Assert.Equal("create", entry.Str("action"));
        Assert.Equal(api.Clock.GetUtcNow(), entry["occurredAt"]!.GetValue<DateTimeOffset>());
        Assert.Null(entry["before"]);
        AssertSame(report, entry["after"]);
    }

    [Fact]
    public async Task Stale_If_Match_is_412_changes_nothing_and_leaves_no_entry()
    {
        var code = await _admin.CreateAgencyAsync();
        var url = $"{AgenciesPath}/{code}";
        var stale = await _admin.ETagAsync(url);
        Tick();
        var accepted = await (await _admin.SendAsync(HttpMethod.Put, url, AgencyBody(null, name: "Tên được chấp nhận"), ("If-Match", stale)))
            .JsonAsync(HttpStatusCode.OK);
        var state = await _admin.StateAsync(url);
        Tick();

        using var refused = await _admin.SendAsync(HttpMethod.Put, url, AgencyBody(null, name: "Tên ghi đè"), ("If-Match", stale));

        await refused.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(state, await _admin.StateAsync(url));
        var entries = await EntriesAsync("agency", code);
        Assert.Equal(["update", "create"], entries.Select(e => e.Str("action")));
        AssertSame(accepted, entries[0]["after"]);
        Assert.DoesNotContain("Tên ghi đè", entries.Select(e => e.ToJsonString()).Aggregate("", string.Concat));
    }

    [Fact]
    public async Task Refused_writes_leave_no_entry()
    {
        var code = await _admin.CreateAgencyAsync();
        var before = (await DbCounts.CaptureAsync(api)).Audit;

        await (await api.CreateAnonymousClient().SendAsync(HttpMethod.Put, $"{AgenciesPath}/{code}", AgencyBody(null))).AssertUnauthorizedAsync();
        await (await (await api.CreateClientAsync(ClientRole.Reader)).SendAsync(HttpMethod.Put, $"{AgenciesPath}/{code}", AgencyBody(null)))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await _admin.SendAsync(HttpMethod.Post, AgenciesPath, AgencyBody(code))).ProblemAsync(HttpStatusCode.Conflict);
        await (await _admin.SendAsync(HttpMethod.Post, AgenciesPath, AgencyBody(NewCode(), kind: "no_such_kind"))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await _admin.SendAsync(HttpMethod.Put, $"{AgenciesPath}/khong-co", AgencyBody(null), ("If-Match", "\"x\""))).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(before, (await DbCounts.CaptureAsync(api)).Audit);
        Assert.Single(await EntriesAsync("agency", code));
    }

    [Fact]
    public async Task Filter_by_client_id_or_name_returns_only_that_clients_entries()
    {
        var (first, firstId, firstName) = await AdminAsync("Hệ thống A (lọc)");
        var (second, secondId, _) = await AdminAsync("Hệ thống B (lọc)");
        var firstCode = await first.CreateAgencyAsync();
        var secondCode = await second.CreateAgencyAsync();

        foreach (var client in new[] { $"key:{firstId}", firstName })
        {
            var entries = (await _admin.AuditAsync($"client={Uri.EscapeDataString(client)}&limit=100")).Items();
            Assert.NotEmpty(entries);
            Assert.All(entries, e => Assert.Equal($"key:{firstId}", e.Str("clientId")));
            Assert.Contains(entries, e => e.Str("resourceKey") == firstCode);
            Assert.DoesNotContain(entries, e => e.Str("resourceKey") == secondCode);
        }
        var seconds = (await _admin.AuditAsync($"client=key:{secondId}")).Items();
        Assert.Equal([secondCode], seconds.Select(e => e.Str("resourceKey")));
    }

    [Fact]
    public async Task Filter_by_time_returns_the_entries_in_the_window()
    {
        var t1 = new DateTimeOffset(2023, 6, 1, 8, 0, 0, TimeSpan.FromHours(7));
        var t2 = t1.AddHours(2);
        api.SetNow(t1);
        var early = await _admin.CreateAgencyAsync();
        api.SetNow(t2);
        var late = await _admin.CreateAgencyAsync();

        async Task<List<string>> KeysAsync(string window) =>
            (await _admin.AuditAsync($"resourceType=agency&{window}&limit=100")).Items().Select(e => e.Str("resourceKey")).ToList();

        var fromT2 = await KeysAsync($"from={Iso(t2)}");
        Assert.Contains(late, fromT2);
        Assert.DoesNotContain(early, fromT2);
        var toT1 = await KeysAsync($"to={Iso(t1)}");
        Assert.Contains(early, toT1);
        Assert.DoesNotContain(late, toT1);
        Assert.Equal([early], await KeysAsync($"from={Iso(t1)}&to={Iso(t1.AddHours(1))}"));
        await (await _admin.GetAsync($"{AuditPath}?from={Iso(t2)}&to={Iso(t1)}")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Issued_key_secret_never_appears_in_the_audit_trail()
    {
        using var response = await _admin.SendAsync(HttpMethod.Post, ApiKeysPath,
            new JsonObject { ["clientName"] = "Hệ thống nhận khóa", ["role"] = "reporter", ["agencyCode"] = Education });
        var issued = await response.JsonAsync(HttpStatusCode.Created);
        var secret = issued.Str("key");
        var id = issued.Str("id");
        Tick();
        using (var revoke = await _admin.DeleteAsync($"{ApiKeysPath}/{id}")) Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        var text = await (await _admin.GetAsync($"{AuditPath}?resourceType=api_key&resourceKey={id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, text);
        var entries = JsonNode.Parse(text)!.Items();
        Assert.Equal(["update", "create"], entries.Select(e => e.Str("action")));
        Assert.Equal("(shown once to its holder)", entries[1]["after"]!.Str("key"));
        Assert.Equal(secret[..10], entries[1]["after"]!.Str("keyStart"));
        Assert.Null(entries[0]["before"]!["revokedAt"]);
        Assert.NotNull(entries[0]["after"]!["revokedAt"]);
        Assert.False(entries[0]["after"]!.AsObject().ContainsKey("key"));

        await using var db = api.NewDbContext();
        var stored = await db.AuditEntries.Where(e => e.ResourceType == "api_key").Select(e => new { e.Before, e.After }).ToListAsync();
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, e => $"{e.Before} {e.After}".Contains(secret, StringComparison.Ordinal));
    }
}
