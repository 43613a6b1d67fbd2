using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace PlanApi.Common.Security;

/// <summary>
/// A credential that is sent and refused (malformed, unknown or revoked API key; invalid or expired token; an
/// Authorization scheme other than Bearer) is answered 401 on every operation, public reads included: an integration
/// with a broken credential learns it at once instead of silently reading as the public, without drafts.
/// </summary>
public static class RefusedCredentials
{
    public static IApplicationBuilder UseRefusedCredentials(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api") && context.User.Identity?.IsAuthenticated != true
            && await RefusalAsync(context) is { } reason)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = $"{ApiKeyAuthenticationHandler.SchemeName} header=\"{ApiKeyAuthenticationHandler.HeaderName}\", Bearer";
            // TryWrite: a request that accepts no JSON still gets its 401, without a body.
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status401Unauthorized,
                    Title = "Unauthorized",
                    Detail = $"{reason} Send a valid credential, or none to read published data.",
                },
            });
            return;
        }
        await next(context);
    });

    /// <summary>Why the request's credential was refused; null when it sent none.</summary>
    private static async Task<string?> RefusalAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var apiKey = context.Request.Headers[ApiKeyAuthenticationHandler.HeaderName].ToString();
        if (authorization.Length == 0 && string.IsNullOrWhiteSpace(apiKey)) return null;
        if (authorization.Length > 0 && !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return "Authorization accepts Bearer tokens only (API keys go in X-Api-Key).";
        // The handlers keep their result for the request: this reads it, it does not authenticate again.
        var result = await context.AuthenticateAsync();
        return result.Failure switch
        {
            null => null,
            EndedAgencyCredentialException ended => ended.Message,
            var failure => authorization.Length > 0 ? "The bearer token is invalid or expired." : failure.Message,
        };
    }
}
