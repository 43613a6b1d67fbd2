using Microsoft.AspNetCore.Hosting;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Security;

/// <summary>The API trusting tokens of a government identity provider signed with a shared key.</summary>
public sealed class JwtPlanApiFactory : PlanApiFactory
{
    public const string SigningKey = "planapi-tests-shared-signing-key-2023-can-tho-0123456789";
    public const string Issuer = "https://sso.cantho.gov.vn";
    public const string Audience = "planapi";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:Jwt:SigningKey", SigningKey);
        builder.UseSetting("Auth:Jwt:Issuer", Issuer);
        builder.UseSetting("Auth:Jwt:Audience", Audience);
    }
}

/// <summary>The API with a low per-client rate: 2 requests per second in bursts of 3.</summary>
public sealed class RateLimitedPlanApiFactory : PlanApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Limits:RequestsPerSecond", "2");
        builder.UseSetting("Limits:Burst", "3");
    }
}

/// <summary>The API with a small body limit and the e-portal as its one CORS origin.</summary>
public sealed class HardenedPlanApiFactory : PlanApiFactory
{
    public const string PortalOrigin = "https://portal.cantho.gov.vn";
    public const int MaxBodyBytes = 2048;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Limits:MaxRequestBodyBytes", MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Cors:Origins:0", PortalOrigin);
    }
}
