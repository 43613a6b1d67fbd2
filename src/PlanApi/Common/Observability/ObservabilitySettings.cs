namespace PlanApi.Common.Observability;

/// <summary><c>Observability</c>: where traces and metrics go. Logs are set under <c>Logging</c> as usual.</summary>
public sealed class ObservabilitySettings
{
    public const string Section = "Observability";

    /// <summary>The service name traces and metrics carry; <c>OTEL_SERVICE_NAME</c> wins when set.</summary>
    public string ServiceName { get; set; } = "planapi";

    /// <summary>
    /// Whether requests, outgoing HTTP calls and SQL commands are traced. Unset: when an exporter is configured
    /// (OTLP, or the console in Development), since spans that go nowhere only cost time.
    /// </summary>
    public bool? Tracing { get; set; }

    /// <summary>The OTLP collector; <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (and the other OTEL_EXPORTER_OTLP_* variables) instead when set.</summary>
    public OtlpSettings Otlp { get; set; } = new();

    /// <summary>Prints spans to the console, in the Development environment only.</summary>
    public bool ConsoleExporter { get; set; }

    /// <summary>The Prometheus scrape endpoint; empty for none.</summary>
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>How often the change feed's lag is measured (one small query).</summary>
    public TimeSpan FeedLagInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary><c>Observability:Otlp</c>.</summary>
public sealed class OtlpSettings
{
    /// <summary>e.g. <c>http://localhost:4317</c> (gRPC) or <c>http://localhost:4318</c> (HTTP).</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
    public string Protocol { get; set; } = "grpc";
}
