using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace PlanApi.Common.Security;

/// <summary>Per-client rate limits, request body limits, CORS for the e-portal and security headers.</summary>
public static class Hardening
{
    public const string CorsPolicy = "portal";

    public static IServiceCollection AddPlanApiHardening(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RequestLimitsOptions.Section).Get<RequestLimitsOptions>() ?? new RequestLimitsOptions();
        services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                // Health probes are never limited; clients by credential, anonymous callers by address.
                if (context.Request.Path.StartsWithSegments("/health")) return RateLimitPartition.GetNoLimiter("health");
                var partition = context.User.Client() ?? $"ip:{context.Connection.RemoteIpAddress}";
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst,
                    TokensPerPeriod = limits.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = async (context, ct) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"Rate limit of {limits.RequestsPerSecond} requests per second (bursts of {limits.Burst}) reached; retry after {retry} s.",
                    },
                });
            };
        });
        var origins = configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "PUT", "DELETE")
            .WithHeaders("Content-Type", "X-Api-Key", "Authorization", "Idempotency-Key", "If-Match", "If-None-Match")
            .WithExposedHeaders("ETag", "Location", "Retry-After", "Idempotent-Replayed", "api-supported-versions", "X-Changes-Cursor")));
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
            o.AddServerHeader = false;
        });
        return services;
    }

    public static IApplicationBuilder UsePlanApiHardening(this IApplicationBuilder app)
    {
        var limits = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RequestLimitsOptions>>().Value;
        app.Use(async (context, next) =>
        {
            // Set when the response starts: the exception handler clears headers before it writes a problem.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                if (!context.Request.Path.StartsWithSegments("/swagger"))
                    headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                return Task.CompletedTask;
            });
            // Servers behind proxies may not enforce Kestrel's limit (chunked bodies are counted by Kestrel itself).
            // Upload endpoints ([AcceptsUploads]: plan imports) allow a document and its multipart framing.
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<AcceptsUploadsAttribute>() is null
                ? limits.MaxRequestBodyBytes
                : limits.MaxUploadBytes + AcceptsUploadsAttribute.FramingBytes;
            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = limit;
            if (context.Request.ContentLength is { } length && length > limit)
                throw new BadHttpRequestException(ByteSizes.TooLarge("Request bodies", limit, length), StatusCodes.Status413PayloadTooLarge);
            await next();
        });
        return app;
    }
}

/// <summary><c>Limits</c>: per-client request rate and request body sizes.</summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Requests per second each client (credential, else address) may send on average.</summary>
    [Range(1, int.MaxValue)]
    public int RequestsPerSecond { get; set; } = 50;

    /// <summary>Requests a client may send at once before the average applies.</summary>
    [Range(1, int.MaxValue)]
    public int Burst { get; set; } = 200;

    /// <summary>The largest JSON request body, in bytes.</summary>
    [Range(1024, 100L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The largest plan document an import accepts, in bytes.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>Marks an endpoint that takes a document upload: its body may be <see cref="RequestLimitsOptions.MaxUploadBytes"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AcceptsUploadsAttribute : Attribute
{
    /// <summary>Room for the multipart boundaries and form fields around the document.</summary>
    public const long FramingBytes = 64 * 1024;
}
