using System.Net;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Security.SecurityRequests;

namespace PlanApi.Tests.Features.Security;

/// <summary>
/// Bearer tokens of the government identity provider (Auth:Jwt with a shared signing key): role and agency come
/// from the token's claims; a token that is expired, forged or meant for another audience is no credential.
/// </summary>
public sealed class JwtTests(JwtPlanApiFactory api) : IClassFixture<JwtPlanApiFactory>
{
    private const string ClientId = "qlvb-so-gddt";

    private static string Token(
        string? role, string? agency = null, string signingKey = JwtPlanApiFactory.SigningKey, string audience = JwtPlanApiFactory.Audience,
        string issuer = JwtPlanApiFactory.Issuer, TimeSpan? expiresIn = null, string clientId = ClientId)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(10));
        var claims = new Dictionary<string, object> { ["sub"] = "nguyen.van.a", ["client_id"] = clientId };
        if (role is not null) claims["role"] = role;
        if (agency is not null) claims["agency"] = agency;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = expires.AddMinutes(-30),
            NotBefore = expires.AddMinutes(-30),
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    [Fact]
    public async Task Reporter_token_reports_on_its_agencys_item_and_is_audited_under_its_client()
    {
        var client = api.WithBearer(Token("reporter", Education));
        var planId = await SeededPlan.IdAsync(client);

        var report = await (await client.PostReportAsync(planId, 19, ReportBody(null, percent: 35))).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(Education, report["reportingAgency"]!.Str("code"));
        var entry = Assert.Single((await api.CreateClient().AuditAsync($"resourceType=progress_report&resourceKey={report.Str("id")}")).Items());
        Assert.Equal($"jwt:{ClientId}", entry.Str("clientId"));
        Assert.Equal(ClientId, entry.Str("clientName"));
        Assert.Null(entry["keyId"]);
        Assert.Equal(Education, entry.Str("agencyCode"));
    }

    [Fact]
    public async Task Reporter_token_is_403_on_another_agencys_item_and_on_admin_writes()
    {
        var client = api.WithBearer(Token("reporter", Education));
        var planId = await SeededPlan.IdAsync(client);
        var before = await DbCounts.CaptureAsync(api);

        var problem = await (await client.PostReportAsync(planId, 6, ReportBody(null))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains(Education, problem.Str("detail"));
        await (await client.SendAsync(HttpMethod.Post, AgenciesPath, AgencyBody(NewCode()))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await DbCounts.CaptureAsync(api));
    }

    [Fact]
    public async Task Admin_token_creates_an_agency()
    {
        var client = api.WithBearer(Token("admin", clientId: "ban-tdkt-portal"));
        var code = NewCode("co-quan-jwt");

        var created = await (await client.SendAsync(HttpMethod.Post, AgenciesPath, AgencyBody(code, name: "Trung tâm tạo bằng token")))
            .JsonAsync(HttpStatusCode.Created);

        Assert.Equal(code, created.Str("code"));
        Assert.Equal("Trung tâm tạo bằng token", (await api.CreateAnonymousClient().GetJsonAsync($"{AgenciesPath}/{code}")).Str("name"));
        var entry = Assert.Single((await api.CreateClient().AuditAsync($"resourceType=agency&resourceKey={code}")).Items());
        Assert.Equal("jwt:ban-tdkt-portal", entry.Str("clientId"));
    }

    [Fact]
    public async Task Reader_token_sees_drafts_but_cannot_write()
    {
        var (draftId, _) = await api.CreateClient().CreateDraftPlanAsync();
        var client = api.WithBearer(Token("reader"));
        Assert.Equal("draft", (await client.GetJsonAsync($"{PlansPath}/{draftId}")).Str("lifecycle"));
        await (await client.SendAsync(HttpMethod.Post, AgenciesPath, AgencyBody(NewCode()))).ProblemAsync(HttpStatusCode.Forbidden);
    }

    private static string BadToken(string why) => why switch
    {
        "expired" => Token("admin", expiresIn: TimeSpan.FromMinutes(-10)),
        "wrong signature" => Token("admin", signingKey: "another-identity-provider-signing-key-0123456789"),
        "wrong audience" => Token("admin", audience: "another-api"),
        "wrong issuer" => Token("admin", issuer: "https://sso.example.com"),
        "unsigned" => Token("admin").Split('.') is [_, var payload, _]
            ? $"{Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{payload}." : throw new InvalidOperationException(),
        _ => "not-a-jwt",
    };

    [Theory]
    [InlineData("expired")]
    [InlineData("wrong signature")]
    [InlineData("wrong audience")]
    [InlineData("wrong issuer")]
    [InlineData("unsigned")]
    [InlineData("not a token")]
    public async Task Bad_token_is_401_and_writes_nothing(string why)
    {
        var token = BadToken(why);
        var client = api.WithBearer(token);
        var code = NewCode("co-quan-jwt");
        var before = await DbCounts.CaptureAsync(api);

        var response = await client.SendAsync(HttpMethod.Post, AgenciesPath, AgencyBody(code));

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{why}: {(int)response.StatusCode}");
        await response.AssertUnauthorizedAsync();
        await (await client.GetAsync(AuditPath)).AssertUnauthorizedAsync();
        Assert.Equal(before, await DbCounts.CaptureAsync(api));
        await (await api.CreateClient().GetAsync($"{AgenciesPath}/{code}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Token_without_a_known_role_is_authenticated_but_may_not_write()
    {
        var client = api.WithBearer(Token("superuser"));
        var before = await DbCounts.CaptureAsync(api);
        await (await client.SendAsync(HttpMethod.Post, AgenciesPath, AgencyBody(NewCode()))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync(AuditPath)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await DbCounts.CaptureAsync(api));
    }
}
