using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using PlanApi.Tests.Infrastructure;
using static PlanApi.Tests.Features.ProgressReports.ProgressReportRequests;

namespace PlanApi.Tests.Observability;

/// <summary>
/// What an operator sees of a request: its trace (the request span with its SQL spans beneath it), its metrics on the
/// Prometheus endpoint, and a JSON log line carrying the same trace id its problem details show.
/// </summary>
public sealed class ObservabilityTests(ObservedPlanApiFactory api) : IClassFixture<ObservedPlanApiFactory>
{
    private const string ReportsRoute = "api/v{version:apiVersion}/plans/{planId}/items/{ordinal}/progress-reports";

    [Fact]
    public async Task Posting_a_report_makes_one_trace_with_the_request_span_and_its_sql_spans_beneath_it()
    {
        var client = api.CreateClient();
        var planId = await SeededPlan.IdAsync(client);
        var traceId = ActivityTraceId.CreateRandom();
        var callerSpanId = ActivitySpanId.CreateRandom();
        const string Summary = "Báo cáo có nội dung riêng để tìm trong các span: 7c1e0f.";

        var key = NewKey();
        using var response = await client.PostRawAsync(Url(planId, 11), Body(summary: Summary).ToJsonString(),
            ("Idempotency-Key", key), ("traceparent", $"00-{traceId}-{callerSpanId}-01"));
        await response.JsonAsync(HttpStatusCode.Created);

        var request = await api.Spans.FirstAsync(s => s.TraceId == traceId && s.Kind == ActivityKind.Server, "request span");
        Assert.Equal(callerSpanId, request.ParentSpanId);
        Assert.Equal("first", request.GetTagItem("planapi.idempotency.outcome"));
        Assert.Equal(ReportsRoute, request.GetTagItem("http.route"));
        Assert.Equal(201, request.GetTagItem("http.response.status_code"));
        // Children end before their parent: every span of the trace has arrived once the request span has.
        var trace = api.Spans.Items.Where(s => s.TraceId == traceId).ToList();
        var sql = trace.Where(s => s.Source.Name == "Npgsql").ToList();
        Assert.NotEmpty(sql);
        Assert.All(sql, s => Assert.True(Descends(s, request, trace), $"SQL span {s.SpanId} is not inside the request span."));
        var statements = sql.Select(s => s.GetTagItem("db.query.text") as string).OfType<string>().ToList();
        Assert.Contains(statements, q => q.Contains("INSERT INTO progress_reports", StringComparison.Ordinal));
        // The statement is recorded, its parameters are not.
        Assert.DoesNotContain(trace.SelectMany(Texts), t => t.Contains("7c1e0f", StringComparison.Ordinal));

        // Its retry is answered from the stored result, and its trace says so.
        var retryTrace = ActivityTraceId.CreateRandom();
        using var retry = await client.PostRawAsync(Url(planId, 11), Body(summary: Summary).ToJsonString(),
            ("Idempotency-Key", key), ("traceparent", $"00-{retryTrace}-{ActivitySpanId.CreateRandom()}-01"));
        await retry.JsonAsync(HttpStatusCode.Created);
        var replayed = await api.Spans.FirstAsync(s => s.TraceId == retryTrace && s.Kind == ActivityKind.Server, "retry's request span");
        Assert.Equal("replayed", replayed.GetTagItem("planapi.idempotency.outcome"));
    }

    [Fact]
    public async Task A_json_log_line_carries_the_trace_id_the_problem_details_of_a_404_show()
    {
        var path = $"/api/v1/plans/{Guid.NewGuid()}";

        var problem = await (await api.CreateAnonymousClient().GetAsync(path)).ProblemAsync(HttpStatusCode.NotFound);

        var traceId = problem["traceId"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        var line = await api.LogLines.FirstAsync(l => l.Contains(path, StringComparison.Ordinal) && l.Contains("PlanApi.Requests", StringComparison.Ordinal),
            "request log line");
        var record = JsonNode.Parse(line)!;
        Assert.Equal("PlanApi.Requests", record["Category"]!.GetValue<string>());
        Assert.Equal("Information", record["LogLevel"]!.GetValue<string>());
        Assert.Equal("GET", record["State"]!["Method"]!.GetValue<string>());
        Assert.Equal("api/v{version:apiVersion}/plans/{planId}", record["State"]!["Route"]!.GetValue<string>());
        Assert.Equal(404, record["State"]!["StatusCode"]!.GetValue<int>());
        Assert.True(record["State"]!["ElapsedMilliseconds"]!.GetValue<double>() > 0);
        var scopeTraceIds = record["Scopes"]!.AsArray().Select(s => s?["TraceId"]?.GetValue<string>()).OfType<string>().ToList();
        Assert.Equal([traceId], scopeTraceIds);
        // The same id names the request's trace.
        var span = await api.Spans.FirstAsync(s => s.TraceId.ToHexString() == traceId && s.Kind == ActivityKind.Server, "request span");
        Assert.Equal(404, span.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task The_prometheus_endpoint_shows_request_durations_per_route()
    {
        var client = api.CreateAnonymousClient();
        var planId = await SeededPlan.IdAsync(client);
        var traceId = ActivityTraceId.CreateRandom();
        using (var status = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/plans/{planId}/status")
        {
            Headers = { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01" } },
        }))
        {
            await status.JsonAsync(HttpStatusCode.OK);
        }
        // The request's duration is recorded as it ends, just before its span ends (after the client has the answer).
        await api.Spans.FirstAsync(s => s.TraceId == traceId && s.Kind == ActivityKind.Server, "status request span");

        using var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        Assert.Contains(lines, l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
            && l.Contains("http_route=\"api/v{version:apiVersion}/plans/{planId}/status\"", StringComparison.Ordinal)
            && l.Contains("http_response_status_code=\"200\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("db_client_operation_duration_seconds_count{", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("dotnet_gc_collections_total", StringComparison.Ordinal)
            || l.StartsWith("dotnet_process_cpu_count", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_metrics_endpoint_is_not_part_of_the_contract()
    {
        var document = await api.CreateAnonymousClient().GetJsonAsync("/openapi/v1.json");

        Assert.DoesNotContain(document["paths"]!.AsObject(), p => p.Key.Contains("metrics", StringComparison.Ordinal));
    }

    private static bool Descends(Activity span, Activity ancestor, IReadOnlyCollection<Activity> trace)
    {
        for (var parent = span.ParentSpanId; parent != default;)
        {
            if (parent == ancestor.SpanId) return true;
            parent = trace.FirstOrDefault(s => s.SpanId == parent)?.ParentSpanId ?? default;
        }
        return false;
    }

    /// <summary>Every text a span carries: name, tag values, events and their tags.</summary>
    internal static IEnumerable<string> Texts(Activity span) =>
        new[] { span.DisplayName, span.StatusDescription ?? "" }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}").Append(e.Name)))
            .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}"));
}
