using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PlanApi.Domain;
using PlanApi.Tests.Features.Security;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.Security.SecurityRequests;

namespace PlanApi.Tests.Observability;

/// <summary>The API observed with everything logged down to Debug (EF Core's command text aside, as configured).</summary>
public sealed class VerboseObservedPlanApiFactory : ObservedPlanApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Default", "Debug");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Debug");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Debug");
    }
}

/// <summary>
/// No credential ever reaches a log record, a span or a metric: not an API key (accepted or refused), not a bearer
/// token (valid or forged), not the database password.
/// </summary>
public sealed class SecretsTests(VerboseObservedPlanApiFactory api) : IClassFixture<VerboseObservedPlanApiFactory>
{
    [Fact]
    public async Task Keys_tokens_and_the_database_password_appear_in_no_log_span_or_metric()
    {
        var reporterKey = await api.IssueKeyAsync(ClientRole.Reporter, BanTdkt);
        var token = Token(JwtPlanApiFactory.SigningKey);
        var forged = Token("a-signing-key-the-identity-provider-never-had-0123456789");
        const string UnknownKey = "pk_live_unknown-key-0000000000000000000000000000";
        var planId = await SeededPlan.IdAsync(api.CreateClient());

        await (await api.WithKey(reporterKey).PostReportAsync(planId, 3, ReportBody(null))).JsonAsync(HttpStatusCode.Created);
        await (await api.WithBearer(token).PostReportAsync(planId, 19, ReportBody(null))).JsonAsync(HttpStatusCode.Created);
        await (await api.CreateClient().GetAsync($"{PlansPath}/{planId}")).JsonAsync(HttpStatusCode.OK);
        await (await api.WithKey(UnknownKey).GetAsync(PlansPath)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await api.WithBearer(forged).GetAsync(PlansPath)).ProblemAsync(HttpStatusCode.Unauthorized);
        var lastProblem = await (await api.WithBearer(forged).GetAsync($"{PlansPath}?limit=1")).ProblemAsync(HttpStatusCode.Unauthorized);
        var lastTrace = lastProblem["traceId"]!.GetValue<string>();
        await api.Spans.FirstAsync(s => s.TraceId.ToHexString() == lastTrace && s.Kind == System.Diagnostics.ActivityKind.Server, "last request span");
        var metrics = await (await api.CreateAnonymousClient().GetAsync("/metrics")).Content.ReadAsStringAsync();

        // What was captured is the real thing: each request has its line, the writes their spans, the pool its metrics.
        var logs = api.LogLines.Items;
        Assert.Contains(logs, l => l.Contains("\"Client\":\"jwt:qlvb-so-gddt\"", StringComparison.Ordinal) && l.Contains("\"StatusCode\":201", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Contains("\"StatusCode\":401", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Contains("\"LogLevel\":\"Debug\"", StringComparison.Ordinal));
        var spans = api.Spans.Items;
        Assert.Contains(spans, s => s.Source.Name == "Npgsql");
        Assert.Contains("db_client_connection_count{", metrics);

        string[] secrets =
        [
            reporterKey, api.AdminKey, UnknownKey, token, token.Split('.')[2], forged, forged.Split('.')[2],
            ObservedPlanApiFactory.DatabasePassword, JwtPlanApiFactory.SigningKey,
        ];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(logs, l => l.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(spans.SelectMany(ObservabilityTests.Texts), t => t.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, metrics, StringComparison.Ordinal);
        }
    }

    private const string BanTdkt = "ban-tdkt-can-tho";

    private static string Token(string signingKey) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = JwtPlanApiFactory.Issuer,
        Audience = JwtPlanApiFactory.Audience,
        Claims = new Dictionary<string, object> { ["sub"] = "nguyen.van.a", ["client_id"] = "qlvb-so-gddt", ["role"] = "reporter", ["agency"] = Education },
        Expires = DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
    });
}
