using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PlanApi.Domain;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Security.SecurityRequests;

namespace PlanApi.Tests.Features.Security;

/// <summary>Request body limit (here 2048 bytes), CORS for the e-portal only, and security headers on every API answer.</summary>
/// <remarks>There is no clean way to make the API fail with a 500 from a test, so "no stack trace in a 500" is not tested here.</remarks>
public sealed class HardeningTests(HardenedPlanApiFactory api) : IClassFixture<HardenedPlanApiFactory>
{
    private const string Portal = HardenedPlanApiFactory.PortalOrigin;
    private readonly HttpClient _admin = api.CreateClient();

    /// <summary>A valid agency whose JSON is about <paramref name="bytes"/> long (aliases pad it).</summary>
    private static JsonObject AgencyOfSize(string code, int bytes)
    {
        var body = AgencyBody(code);
        var aliases = new JsonArray();
        body["aliases"] = aliases;
        for (var i = 0; Encoding.UTF8.GetByteCount(body.ToJsonString()) < bytes - 80; i++)
            aliases.Add($"Ten goi khac so {i} cua trung tam thu nghiem an ninh thanh pho Can Tho");
        return body;
    }

    [Fact]
    public async Task Body_over_the_limit_is_413_problem_and_nothing_is_written()
    {
        var code = NewCode();
        var body = AgencyOfSize(code, 3000);
        Assert.True(Encoding.UTF8.GetByteCount(body.ToJsonString()) > HardenedPlanApiFactory.MaxBodyBytes);
        var before = await DbCounts.CaptureAsync(api);

        using var response = await _admin.SendAsync(HttpMethod.Post, AgenciesPath, body);

        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("2048", problem.Str("detail"));
        Assert.Equal(before, await DbCounts.CaptureAsync(api));
        await (await _admin.GetAsync($"{AgenciesPath}/{code}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Body_under_the_limit_is_accepted()
    {
        var code = NewCode();
        var body = AgencyOfSize(code, 1500);
        Assert.True(Encoding.UTF8.GetByteCount(body.ToJsonString()) < HardenedPlanApiFactory.MaxBodyBytes);
        using var response = await _admin.SendAsync(HttpMethod.Post, AgenciesPath, body);
        await response.JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Body_over_the_limit_is_413_before_authentication()
    {
        var before = await DbCounts.CaptureAsync(api);
        using var response = await api.CreateAnonymousClient().SendAsync(HttpMethod.Post, AgenciesPath, AgencyOfSize(NewCode(), 5000));
        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await DbCounts.CaptureAsync(api));
    }

    private static HttpRequestMessage Preflight(string origin, string method = "POST") =>
        Request(HttpMethod.Options, PlansPath, null,
            ("Origin", origin), ("Access-Control-Request-Method", method),
            ("Access-Control-Request-Headers", "content-type,x-api-key,idempotency-key"));

    [Fact]
    public async Task Preflight_from_the_portal_is_allowed_with_the_API_headers()
    {
        using var request = Preflight(Portal);
        using var response = await api.CreateAnonymousClient().SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal([Portal], response.Headers.GetValues("Access-Control-Allow-Origin"));
        var methods = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods"));
        Assert.Contains("POST", methods);
        var headers = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("x-api-key", headers);
        Assert.Contains("idempotency-key", headers);
    }

    [Fact]
    public async Task Preflight_from_another_origin_is_not_allowed()
    {
        using var request = Preflight("https://evil.example.com");
        using var response = await api.CreateAnonymousClient().SendAsync(request);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Simple_GET_from_the_portal_exposes_ETag_and_from_another_origin_gets_no_CORS_headers()
    {
        var anonymous = api.CreateAnonymousClient();
        using var portal = await anonymous.SendAsync(HttpMethod.Get, $"{AgenciesPath}/{Education}", null, ("Origin", Portal));
        Assert.Equal(HttpStatusCode.OK, portal.StatusCode);
        Assert.Equal([Portal], portal.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Contains("ETag", string.Join(",", portal.Headers.GetValues("Access-Control-Expose-Headers")));

        using var other = await anonymous.SendAsync(HttpMethod.Get, $"{AgenciesPath}/{Education}", null, ("Origin", "https://evil.example.com"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    public static TheoryData<string, string, int> Answers() => new()
    {
        { "anonymous", $"{AgenciesPath}/{Education}", 200 },
        { "anonymous", PlansPath, 200 },
        { "anonymous", AuditPath, 401 },
        { "reader", AuditPath, 403 },
        { "anonymous", $"{AgenciesPath}/khong-ton-tai", 404 },
        { "anonymous", $"{PlansPath}?limit=0", 400 },
        { "anonymous", $"{PlansPath}/{Guid.Empty}/items/1", 404 },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Every_API_answer_carries_nosniff_and_a_Content_Security_Policy(string caller, string url, int status)
    {
        var client = caller == "reader" ? await api.CreateClientAsync(ClientRole.Reader) : api.CreateAnonymousClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff), $"{status} {url} without X-Content-Type-Options");
        Assert.Equal(["nosniff"], nosniff);
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), $"{status} {url} without Content-Security-Policy");
        Assert.Contains("default-src 'none'", Assert.Single(csp));
    }

    [Fact]
    public async Task The_413_answer_carries_the_security_headers_too()
    {
        using var response = await _admin.SendAsync(HttpMethod.Post, AgenciesPath, AgencyOfSize(NewCode(), 3000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(response.Headers.Contains("X-Content-Type-Options"), "413 without X-Content-Type-Options");
        Assert.True(response.Headers.Contains("Content-Security-Policy"), "413 without Content-Security-Policy");
    }

    [Fact]
    public async Task Problem_details_never_carry_exception_details()
    {
        // The nearest thing to a failure a test can cause: unparseable JSON and a body too large.
        using var malformed = await _admin.PostRawAsync(AgenciesPath, "{\"code\": \"abc\", \"name\": ");
        var text = await malformed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
        using var large = await _admin.SendAsync(HttpMethod.Post, AgenciesPath, AgencyOfSize(NewCode(), 3000));
        var largeText = await large.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", largeText);
        Assert.DoesNotContain("Exception", largeText);
    }
}
