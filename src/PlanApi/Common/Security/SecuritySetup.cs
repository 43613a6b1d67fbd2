using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Common.Security;

/// <summary>Authentication (API keys and JWT bearer), policies, rate limits, CORS and security headers.</summary>
public static class SecuritySetup
{
    private const string Smart = "PlanApi";

    public static IServiceCollection AddPlanApiSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var jwt = configuration.GetSection(JwtSettings.Section).Get<JwtSettings>() ?? new JwtSettings();
        services.AddSingleton<CredentialCache>();
        services.AddSingleton<IStoreChangeObserver>(sp => sp.GetRequiredService<CredentialCache>());
        services.AddOptions<JwtSettings>().BindConfiguration(JwtSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, "X-Api-Key or Bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.Authority = string.IsNullOrEmpty(jwt.Authority) ? null : jwt.Authority;
                o.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateAudience = !string.IsNullOrEmpty(jwt.Audience),
                    ValidAudience = jwt.Audience,
                    ValidateIssuer = !string.IsNullOrEmpty(jwt.Issuer) || !string.IsNullOrEmpty(jwt.Authority),
                    ValidIssuer = jwt.Issuer,
                    IssuerSigningKey = string.IsNullOrEmpty(jwt.SigningKey) ? null : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey)),
                    ValidateIssuerSigningKey = true,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = async context =>
                    {
                        context.Principal = ToPlanPrincipal(context.Principal!, jwt);
                        // A token bound to an agency that has ended is refused like an API key bound to one.
                        if (context.Principal.FindFirst(PlanClaims.Agency)?.Value is { } code)
                        {
                            var services = context.HttpContext.RequestServices;
                            var db = services.GetRequiredService<PlanApi.Data.PlanDbContext>();
                            var agency = await db.Agencies.AsNoTracking().Where(a => a.Code == code)
                                .Select(a => new { a.Id, a.ValidUntil }).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
                            if (agency?.ValidUntil is { } ended && ended < Domain.PlanCalendar.Today(services.GetRequiredService<TimeProvider>()))
                                context.Fail(new EndedAgencyCredentialException(
                                    await Data.AgencyLineage.EndedMessageAsync(db, agency.Id, context.HttpContext.RequestAborted)));
                        }
                    },
                    OnChallenge = context =>
                    {
                        // One challenge for both schemes: the status-code page writes the problem details body.
                        context.HandleResponse();
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\", Bearer";
                        return Task.CompletedTask;
                    },
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(PlanClaims.RoleName(ClientRole.Admin)))
            .AddPolicy(Policies.Reporter, p => p.RequireRole(PlanClaims.RoleName(ClientRole.Admin), PlanClaims.RoleName(ClientRole.Reporter)))
            .AddPolicy(Policies.Reader, p => p.RequireAuthenticatedUser());
        return services;
    }

    /// <summary>Maps the identity provider's claims (names from configuration) onto the API's own.</summary>
    private static ClaimsPrincipal ToPlanPrincipal(ClaimsPrincipal principal, JwtSettings jwt)
    {
        var role = principal.FindFirst(jwt.RoleClaim)?.Value;
        var claims = new List<Claim>
        {
            new(PlanClaims.ClientId, $"jwt:{principal.FindFirst(jwt.ClientClaim)?.Value ?? principal.FindFirst("sub")?.Value ?? "unknown"}"),
            new(PlanClaims.ClientName, principal.FindFirst(jwt.ClientClaim)?.Value ?? principal.FindFirst("sub")?.Value ?? "unknown"),
            new(ClaimTypes.Name, principal.FindFirst("sub")?.Value ?? "unknown"),
        };
        if (EnumNames<ClientRole>.TryParse(role, out var parsed)) claims.Add(new Claim(PlanClaims.Role, PlanClaims.RoleName(parsed)));
        if (principal.FindFirst(jwt.AgencyClaim)?.Value is { Length: > 0 } agency) claims.Add(new Claim(PlanClaims.Agency, agency));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, JwtBearerDefaults.AuthenticationScheme, ClaimTypes.Name, PlanClaims.Role));
    }
}

/// <summary><c>Auth:Jwt</c>: the government identity provider's settings and claim names.</summary>
public sealed class JwtSettings : IValidatableObject
{
    public const string Section = "Auth:Jwt";

    /// <summary>The shortest shared signing key accepted (HMAC-SHA256 needs 256 bits).</summary>
    public const int MinSigningKeyBytes = 32;

    public string? Authority { get; set; }
    public string? Audience { get; set; }
    public string? Issuer { get; set; }

    /// <summary>A shared signing key, for identity providers without discovery (and for tests). At least 32 bytes.</summary>
    public string? SigningKey { get; set; }
    public bool RequireHttpsMetadata { get; set; } = true;
    public string RoleClaim { get; set; } = "role";
    public string AgencyClaim { get; set; } = "agency";
    public string ClientClaim { get; set; } = "client_id";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(SigningKey) && Encoding.UTF8.GetByteCount(SigningKey) < MinSigningKeyBytes)
            yield return new ValidationResult($"Auth:Jwt:SigningKey must be at least {MinSigningKeyBytes} bytes.", [nameof(SigningKey)]);
        if (Authority is { Length: > 0 } authority && !Uri.TryCreate(authority, UriKind.Absolute, out _))
            yield return new ValidationResult("Auth:Jwt:Authority must be an absolute URL.", [nameof(Authority)]);
    }
}
