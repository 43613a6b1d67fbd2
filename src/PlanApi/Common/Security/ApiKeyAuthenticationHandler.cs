using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Common.Security;

/// <summary>Authenticates <c>X-Api-Key</c> by the hash of the key. The key itself is never logged.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, PlanDbContext db, CredentialCache credentials, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers[HeaderName].ToString();
        // An empty header is no credential (as some clients send it when no key is configured).
        if (string.IsNullOrWhiteSpace(key)) return AuthenticateResult.NoResult();
        if (key.Length is < 10 or > 200 || !key.StartsWith(ApiKey.Prefix, StringComparison.Ordinal))
            return AuthenticateResult.Fail("Malformed API key.");
        var hash = ApiKey.Hash(key);
        var found = await credentials.FindAsync(db, hash, Context.RequestAborted);
        if (found is null) return AuthenticateResult.Fail("Unknown or revoked API key.");
        if (found.AgencyEnded is { } ended && ended < PlanCalendar.Today(clock))
            return AuthenticateResult.Fail(new EndedAgencyCredentialException(await AgencyLineage.EndedMessageAsync(db, found.AgencyId!.Value, Context.RequestAborted)));

        var claims = new List<Claim>
        {
            new(PlanClaims.ClientId, $"key:{found.Id}"),
            new(PlanClaims.KeyId, found.Id.ToString()),
            new(PlanClaims.ClientName, found.ClientName),
            new(ClaimTypes.Name, found.ClientName),
            new(PlanClaims.Role, PlanClaims.RoleName(found.Role)),
        };
        if (found.AgencyCode is not null) claims.Add(new Claim(PlanClaims.Agency, found.AgencyCode));
        var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, PlanClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\", Bearer";
        return Task.CompletedTask;
    }
}

/// <summary>A credential bound to an agency that has ended: refused, with the message naming its successors.</summary>
public sealed class EndedAgencyCredentialException(string message) : Exception(message);
