using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanApi.Domain;
using PlanApi.Tests.Features.Security;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Plans.PlanRequests;
using static PlanApi.Tests.Features.Security.SecurityRequests;

namespace PlanApi.Tests.Features.ApiKeys;

/// <summary>
/// /api/v1/api-keys: a key is shown once, listed without its secret, works at once, stops at once when revoked,
/// and only its SHA-256 hash is kept.
/// </summary>
public sealed class ApiKeyTests(PlanApiFactory api) : IClassFixture<PlanApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient();

    private static JsonObject KeyBody(string clientName, string role, string? agencyCode = null) =>
        new() { ["clientName"] = clientName, ["role"] = role, ["agencyCode"] = agencyCode };

    private static string Sha256Hex(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private async Task<(JsonNode Issued, HttpResponseMessage Response)> IssueAsync(JsonObject body, params (string, string)[] headers)
    {
        var response = await _admin.SendAsync(HttpMethod.Post, ApiKeysPath, body, headers);
        return (await response.JsonAsync(HttpStatusCode.Created), response);
    }

    /// <summary>Every stored text that could hold a copy of <paramref name="secret"/>, with where it was found.</summary>
    private async Task<List<string>> PlacesHoldingAsync(string secret)
    {
        await using var db = api.NewDbContext();
        var found = new List<string>();
        if (await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM api_keys k WHERE strpos(row_to_json(k)::text, {secret}) > 0").SingleAsync() > 0)
            found.Add("api_keys");
        if (await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM audit_entries a WHERE strpos(row_to_json(a)::text, {secret}) > 0").SingleAsync() > 0)
            found.Add("audit_entries");
        if (await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM change_records c WHERE strpos(row_to_json(c)::text, {secret}) > 0").SingleAsync() > 0)
            found.Add("change_records");
        if (await db.Database.SqlQuery<int>(
                $"SELECT count(*)::int AS \"Value\" FROM idempotency_records r WHERE strpos(convert_from(r.body, 'UTF8'), {secret}) > 0 OR strpos(row_to_json(r)::text, {secret}) > 0").SingleAsync() > 0)
            found.Add("idempotency_records");
        return found;
    }

    [Fact]
    public async Task Issued_key_is_shown_once_listed_without_it_works_at_once_and_stops_when_revoked()
    {
        var (issued, response) = await IssueAsync(KeyBody("Cổng TTĐT thành phố (thử nghiệm)", "admin"));
        var secret = issued.Str("key");
        var id = issued.Str("id");
        Assert.StartsWith("pk_", secret);
        Assert.Equal(46, secret.Length);
        Assert.Equal(secret[..10], issued.Str("keyStart"));
        Assert.Equal("admin", issued.Str("role"));
        Assert.Null(issued["agencyCode"]);
        Assert.Equal("Cổng TTĐT thành phố (thử nghiệm)", issued.Str("clientName"));
        Assert.EndsWith("/api/v1/api-keys?includeRevoked=true", response.Headers.Location!.OriginalString);

        var listResponse = await _admin.GetAsync($"{ApiKeysPath}?limit=100");
        var listText = await listResponse.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, listResponse.StatusCode);
        Assert.DoesNotContain(secret, listText);
        var listed = JsonNode.Parse(listText)!.Items().Single(k => k.Str("id") == id);
        Assert.False(listed.AsObject().ContainsKey("key"), listed.ToJsonString());
        Assert.Equal(secret[..10], listed.Str("keyStart"));
        Assert.Null(listed["revokedAt"]);

        // Works at once, with admin rights.
        var holder = api.WithKey(secret);
        Assert.Contains(id, (await holder.GetJsonAsync($"{ApiKeysPath}?limit=100")).Items().Select(k => k.Str("id")));

        using (var revoke = await _admin.DeleteAsync($"{ApiKeysPath}/{id}"))
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        await (await holder.GetAsync(ApiKeysPath)).AssertUnauthorizedAsync();
        await (await holder.SendAsync(HttpMethod.Post, AgenciesPath, AgencyBody(NewCode()))).AssertUnauthorizedAsync();
        // A public read too: the holder learns its key is revoked instead of reading as the public.
        await (await holder.GetAsync(AgenciesPath)).AssertUnauthorizedAsync();
        Assert.DoesNotContain(id, (await _admin.GetJsonAsync($"{ApiKeysPath}?limit=100")).Items().Select(k => k.Str("id")));
        var revoked = (await _admin.GetJsonAsync($"{ApiKeysPath}?includeRevoked=true&limit=100")).Items().Single(k => k.Str("id") == id);
        Assert.Equal(api.Clock.GetUtcNow(), revoked["revokedAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task A_key_revoked_by_another_instance_stops_working_here_one_monitor_interval_later()
    {
        var (issued, _) = await IssueAsync(KeyBody("QLVB (phiên bản khác thu hồi)", "admin"));
        var holder = api.WithKey(issued.Str("key"));
        await api.CheckStoreVersionAsync();
        await holder.GetJsonAsync($"{ApiKeysPath}?limit=1");

        // Another instance's revocation, straight into PostgreSQL: this instance learns of it from the store's version.
        await using (var db = api.NewDbContext())
        {
            var id = Guid.Parse(issued.Str("id"));
            await db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(k => k.SetProperty(x => x.RevokedAt, DateTimeOffset.UtcNow));
        }
        // No time has passed on the clock: the key is still the one kept in memory (what makes the refusal below the
        // monitor's doing).
        await holder.GetJsonAsync($"{ApiKeysPath}?limit=1");

        await api.CheckStoreVersionAsync();
        await (await holder.GetAsync(ApiKeysPath)).AssertUnauthorizedAsync();
    }

    [Fact]
    public async Task Reporter_key_issued_over_HTTP_reports_for_its_agency_only()
    {
        var (issued, _) = await IssueAsync(KeyBody("Phần mềm QLVB Sở GD&ĐT", "reporter", Education));
        Assert.Equal(Education, issued.Str("agencyCode"));
        Assert.Equal("reporter", issued.Str("role"));
        var reporter = api.WithKey(issued.Str("key"));
        var planId = await SeededPlan.IdAsync(_admin);

        var report = await (await reporter.PostReportAsync(planId, 19, ReportBody(null))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(Education, report["reportingAgency"]!.Str("code"));
        await (await reporter.PostReportAsync(planId, 6, ReportBody(null))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await reporter.SendAsync(HttpMethod.Post, ApiKeysPath, KeyBody("Tự cấp khóa", "admin"))).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("reporter", null)]
    [InlineData("reporter", "")]
    [InlineData("reader", Education)]
    [InlineData("admin", Education)]
    public async Task Agency_is_required_for_reporters_and_refused_for_other_roles(string role, string? agencyCode)
    {
        var before = await DbCounts.CaptureAsync(api);
        var response = await _admin.SendAsync(HttpMethod.Post, ApiKeysPath, KeyBody("Hệ thống sai cấu hình", role, agencyCode));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["agencyCode"], problem.ErrorFields());
        Assert.Equal(before, await DbCounts.CaptureAsync(api));
    }

    [Fact]
    public async Task Unknown_agency_is_422_naming_agencyCode_and_nothing_is_stored()
    {
        var before = await DbCounts.CaptureAsync(api);
        var response = await _admin.SendAsync(HttpMethod.Post, ApiKeysPath, KeyBody("Sở không tồn tại", "reporter", "so-khong-ton-tai"));
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["agencyCode"], problem.ErrorFields());
        Assert.Contains("so-khong-ton-tai", problem.Str("detail"));
        Assert.Equal(before, await DbCounts.CaptureAsync(api));
    }

    [Fact]
    public async Task Only_the_SHA256_hash_of_the_key_is_stored()
    {
        var (issued, _) = await IssueAsync(KeyBody("Hệ thống kiểm tra băm", "reader"));
        var secret = issued.Str("key");
        var id = Guid.Parse(issued.Str("id"));

        await using var db = api.NewDbContext();
        var row = await db.Database.SqlQuery<string>($"SELECT row_to_json(k)::text AS \"Value\" FROM api_keys k WHERE k.id = {id}").SingleAsync();
        var columns = JsonNode.Parse(row)!.AsObject();
        Assert.All(columns, column => Assert.NotEqual(secret, column.Value?.ToString()));
        Assert.DoesNotContain(secret, row);
        Assert.Equal(Sha256Hex(secret), columns["key_hash"]!.GetValue<string>());
        Assert.Equal(secret[..10], columns["key_start"]!.GetValue<string>());
        Assert.Empty(await PlacesHoldingAsync(secret));
    }

    [Fact]
    public async Task Key_issued_with_an_Idempotency_Key_is_not_stored_in_clear_anywhere()
    {
        // Idempotency covers every POST; the stored answer must not become a second, readable copy of the key.
        var (issued, _) = await IssueAsync(KeyBody("Hệ thống gửi lại yêu cầu", "reader"), ("Idempotency-Key", NewKey()));
        var secret = issued.Str("key");
        Assert.Empty(await PlacesHoldingAsync(secret));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("pk_short")]
    [InlineData("xx_0123456789012345678901234567890123456789abc")]
    [InlineData("pk_0123456789012345678901234567890123456789abc")]
    public async Task Malformed_or_unknown_key_is_401_and_writes_nothing(string key)
    {
        var client = api.WithKey(key);
        var before = await DbCounts.CaptureAsync(api);
        await (await client.GetAsync(ApiKeysPath)).AssertUnauthorizedAsync();
        await (await client.SendAsync(HttpMethod.Post, AgenciesPath, AgencyBody(NewCode()))).AssertUnauthorizedAsync();
        var publicRead = await client.GetAsync(AgenciesPath);
        await publicRead.AssertUnauthorizedAsync();
        Assert.Equal(before, await DbCounts.CaptureAsync(api));
    }

    [Theory]
    [InlineData(null, null, HttpStatusCode.OK)]
    [InlineData("X-Api-Key", "", HttpStatusCode.OK)]
    [InlineData("X-Api-Key", "   ", HttpStatusCode.OK)]
    [InlineData("Authorization", "Basic dXNlcjpwYXNz", HttpStatusCode.Unauthorized)]
    [InlineData("Authorization", "Bearer not-a-token", HttpStatusCode.Unauthorized)]
    public async Task A_public_read_is_served_without_a_credential_and_refused_with_a_bad_one(string? header, string? value, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, AgenciesPath);
        if (header is not null) request.Headers.TryAddWithoutValidation(header, value);
        using var response = await api.CreateAnonymousClient().SendAsync(request);
        if (expected == HttpStatusCode.OK) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        else await response.AssertUnauthorizedAsync();
    }

    [Fact]
    public async Task Overlong_key_is_401()
    {
        var client = api.WithKey("pk_" + new string('a', 300));
        await (await client.GetAsync(AuditPath)).AssertUnauthorizedAsync();
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_404_and_revoking_twice_is_harmless()
    {
        await (await _admin.DeleteAsync($"{ApiKeysPath}/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        var secret = await api.IssueKeyAsync(ClientRole.Reader);
        var id = await api.KeyIdAsync(secret);
        using (var first = await _admin.DeleteAsync($"{ApiKeysPath}/{id}")) Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        await using var db = api.NewDbContext();
        var revokedAt = (await db.ApiKeys.SingleAsync(k => k.Id == id)).RevokedAt;
        Assert.NotNull(revokedAt);
        api.Clock.Advance(TimeSpan.FromMinutes(5));
        using (var second = await _admin.DeleteAsync($"{ApiKeysPath}/{id}")) Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        await using var db2 = api.NewDbContext();
        Assert.Equal(revokedAt, (await db2.ApiKeys.SingleAsync(k => k.Id == id)).RevokedAt);
    }
}
