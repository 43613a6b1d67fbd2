using System.Diagnostics;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace PlanApi.Common.Observability;

/// <summary>
/// Traces, metrics and logs in one place. Metrics are always collected and served for Prometheus to pull
/// (<see cref="MapPlanApiMetrics"/>); traces and metrics are pushed over OTLP when a collector is configured, from
/// background batches, never on the request path; logs are JSON lines on the console (configured under
/// <c>Logging:Console</c>) carrying the trace and span ids, one line per request (<see cref="RequestLogMiddleware"/>).
/// The API starts and runs the same with no collector present.
/// </summary>
public static class ObservabilitySetup
{
    public static WebApplicationBuilder AddPlanApiObservability(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var settings = configuration.GetSection(ObservabilitySettings.Section).Get<ObservabilitySettings>() ?? new ObservabilitySettings();
        builder.Services.AddSingleton(settings);

        // Every log record written inside a request carries the W3C trace id (the one problem details show) and span id.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Services.AddSingleton<IStartupFilter>(new RequestLogStartupFilter());

        builder.Services.AddSingleton<FeedLagMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FeedLagMonitor>());

        var otlpFromEnvironment = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var otlp = otlpFromEnvironment || !string.IsNullOrWhiteSpace(settings.Otlp.Endpoint);
        var console = settings.ConsoleExporter && builder.Environment.IsDevelopment();
        var tracing = settings.Tracing ?? (otlp || console);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] ?? settings.ServiceName,
                serviceVersion: typeof(ObservabilitySetup).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PlanApiTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation();
                if (!string.IsNullOrEmpty(settings.MetricsPath)) metrics.AddPrometheusExporter();
            });
        if (tracing)
        {
            telemetry.WithTracing(traces =>
            {
                traces.SetSampler(new ParentBasedSampler(new RequestRootedSampler()))
                    .AddSource(PlanApiTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path, settings))
                    .AddHttpClientInstrumentation()
                    // Npgsql's own spans: one per command with its SQL text (parameters are sent apart and never recorded).
                    .AddNpgsql();
                if (console) traces.AddConsoleExporter();
            });
        }
        if (otlpFromEnvironment)
        {
            // OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS … as the OpenTelemetry specification names them.
            telemetry.UseOtlpExporter();
        }
        else if (otlp)
        {
            var protocol = settings.Otlp.Protocol switch
            {
                "grpc" => OtlpExportProtocol.Grpc,
                "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
                var other => throw new InvalidOperationException($"Observability:Otlp:Protocol is 'grpc' or 'http/protobuf', not '{other}'."),
            };
            if (!Uri.TryCreate(settings.Otlp.Endpoint, UriKind.Absolute, out var endpoint))
                throw new InvalidOperationException($"Observability:Otlp:Endpoint '{settings.Otlp.Endpoint}' is not an absolute URL.");
            telemetry.UseOtlpExporter(protocol, endpoint);
        }
        return builder;
    }

    /// <summary>
    /// Serves the Prometheus scrape endpoint (<see cref="ObservabilitySettings.MetricsPath"/>, <c>/metrics</c>): not
    /// part of the API's contract, not rate-limited (a scraper polls from one address), and anonymous like the health
    /// probes; expose it to the monitoring network only.
    /// </summary>
    public static WebApplication MapPlanApiMetrics(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<ObservabilitySettings>();
        if (!string.IsNullOrEmpty(settings.MetricsPath))
            app.MapPrometheusScrapingEndpoint(settings.MetricsPath).DisableRateLimiting().ExcludeFromDescription();
        return app;
    }

    /// <summary>Health probes and scrapes: frequent, uninteresting, kept out of traces and logged at Debug only.</summary>
    internal static bool IsProbe(PathString path, ObservabilitySettings settings) =>
        path.StartsWithSegments("/health") || (settings.MetricsPath.Length > 0 && path.StartsWithSegments(settings.MetricsPath));

    /// <summary>
    /// Traces start at requests: a database command or HTTP call outside any request (the store-version loop every
    /// 200 ms, the feed-lag sampler, purging) would be a one-span trace every few hundred milliseconds, so root client
    /// spans are dropped. Everything inside a sampled request is kept.
    /// </summary>
    private sealed class RequestRootedSampler : Sampler
    {
        private static readonly SamplingResult Keep = new(SamplingDecision.RecordAndSample);
        private static readonly SamplingResult Skip = new(SamplingDecision.Drop);

        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
            samplingParameters.Kind == ActivityKind.Client ? Skip : Keep;
    }
}
