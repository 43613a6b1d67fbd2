using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using PlanApi.Common.Security;

namespace PlanApi.Common.Observability;

/// <summary>
/// One log line per request: method, path, route template, status, duration and client — never headers, bodies or
/// the query string. It wraps the whole pipeline, so the status is the one sent (problem details included) and the
/// line is written inside the request's trace (its scope carries TraceId and SpanId). Category
/// <c>PlanApi.Requests</c>: Information, health probes and scrapes at Debug.
/// </summary>
public sealed partial class RequestLogMiddleware(RequestDelegate next, ILoggerFactory loggers, ObservabilitySettings settings)
{
    public const string Category = "PlanApi.Requests";

    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var level = ObservabilitySetup.IsProbe(context.Request.Path, settings) ? LogLevel.Debug : LogLevel.Information;
            if (_logger.IsEnabled(level))
            {
                Answered(_logger, level, context.Request.Method, context.Request.Path.Value ?? "", Route(context),
                    failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(start).TotalMilliseconds, context.User.Client() ?? "anonymous");
            }
        }
    }

    /// <summary>The route template, as metrics and traces name it (<c>http.route</c>); the exception handler keeps the one it cleared.</summary>
    private static string Route(HttpContext context)
    {
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        return endpoint?.Metadata.GetMetadata<IRouteDiagnosticsMetadata>()?.Route
            ?? (endpoint as RouteEndpoint)?.RoutePattern.RawText
            ?? "";
    }

    [LoggerMessage(EventId = 1, EventName = "RequestAnswered",
        Message = "{Method} {Path} ({Route}) answered {StatusCode} in {ElapsedMilliseconds:0.0} ms for {Client}")]
    private static partial void Answered(ILogger logger, LogLevel level, string method, string path, string route, int statusCode,
        double elapsedMilliseconds, string client);
}

/// <summary>Puts <see cref="RequestLogMiddleware"/> around everything else, the exception handler included.</summary>
internal sealed class RequestLogStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<RequestLogMiddleware>();
        next(app);
    };
}
