using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PlanApi.Drills;

/// <summary>
/// Virtual district systems. Each report gets a fresh Idempotency-Key and one reporter credential (taken in turn from
/// the pool, so no credential nears its rate limit); on a timeout, a connection error, 5xx, 409 or 429 it sends the SAME
/// request with the SAME key and credential again after Retry-After (1 s when absent), at most
/// <see cref="MaxAttempts"/> times within <see cref="RetryBudget"/>. Reads are sent once. Every request has a 5 s limit.
/// </summary>
internal sealed class LoadClient(HttpClient http, Recorder recorder, Guid planId, IReadOnlyList<ReporterKey> keys, string tag)
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);
    public const int MaxAttempts = 100;
    public const double RetryBudget = 90;

    /// <summary>Share of operations that are report posts; the rest are reads.</summary>
    public const double WriteShare = 0.5;

    private int turn;
    public Recorder Recorder => recorder;
    public string Tag => tag;

    public static HttpClient CreateHttp(string baseUrl) => new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        MaxConnectionsPerServer = 512,
        AutomaticDecompression = DecompressionMethods.None,
        UseProxy = false,
    })
    {
        BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"),
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public ReporterKey NextKey() => keys[(int)((uint)Interlocked.Increment(ref turn) % (uint)keys.Count)];

    public async Task<(int Code, TimeSpan? RetryAfter, bool Replayed, string Body)> SendAsync(
        Op op, HttpRequestMessage request, TimeSpan timeout, CancellationToken ct, int attempt = 0)
    {
        var start = Clock.Now;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        int code;
        TimeSpan? retryAfter = null;
        var replayed = false;
        var body = "";
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cts.Token);
            code = (int)response.StatusCode;
            retryAfter = response.Headers.RetryAfter is { } ra ? ra.Delta ?? (ra.Date - DateTimeOffset.UtcNow) : null;
            replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true");
            body = await response.Content.ReadAsStringAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            code = Attempt.Timeout;
        }
        catch (HttpRequestException)
        {
            code = Attempt.ConnError;
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is IOException or InvalidOperationException)
        {
            code = Attempt.OtherError;
        }
        recorder.Attempts.Enqueue(new Attempt(op, start, Clock.Now, code, retryAfter is not null, replayed, attempt));
        return (code, retryAfter, replayed, body);
    }

    public HttpRequestMessage PostRequest(ReporterKey key, int ordinal, string idempotencyKey, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/plans/{planId}/items/{ordinal}/progress-reports")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", key.Key);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    public string NewReportJson(Random rng, string idempotencyKey) =>
        $$"""{"status":"in_progress","percentComplete":{{rng.Next(1, 100)}},"summary":"drill {{tag}} {{idempotencyKey}}"}""";

    /// <summary>One report, retried until acknowledged, refused (4xx other than 409/429) or out of budget.</summary>
    public async Task<bool> PostReportAsync(Random rng, CancellationToken hard)
    {
        var key = NextKey();
        var ordinal = key.Items[rng.Next(key.Items.Length)];
        var idempotencyKey = Guid.NewGuid().ToString("N");
        var json = NewReportJson(rng, idempotencyKey);
        recorder.Started.Enqueue(idempotencyKey);
        var first = Clock.Now;
        for (var attempt = 1; attempt <= MaxAttempts && Clock.Now - first < RetryBudget; attempt++)
        {
            using var request = PostRequest(key, ordinal, idempotencyKey, json);
            var (code, retryAfter, replayed, body) = await SendAsync(Op.Post, request, RequestTimeout, hard, attempt);
            if (code == 201)
            {
                var id = ReadId(body);
                recorder.Acks.Enqueue(new Ack(idempotencyKey, id, Clock.Now, attempt, replayed, first));
                recorder.AddId(id);
                return true;
            }
            if (code is 409 or 429 or >= 500 or < 0)
            {
                var delay = retryAfter ?? TimeSpan.FromSeconds(1);
                delay = TimeSpan.FromSeconds(Math.Clamp(delay.TotalSeconds, 0.1, 5));
                await Task.Delay(delay, hard);
                continue;
            }
            recorder.Rejected.Enqueue((idempotencyKey, code, body.Length > 300 ? body[..300] : body));
            return false;
        }
        recorder.Abandoned.Enqueue(idempotencyKey);
        return false;
    }

    public static Guid ReadId(string body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>One read, sent once with a reporter credential (anonymous reads share one per-address rate limit).</summary>
    public async Task<int> ReadAsync(Op op, Random rng, CancellationToken hard, TimeSpan? timeout = null)
    {
        var key = NextKey();
        var path = op switch
        {
            Op.Status => $"api/v1/plans/{planId}/status",
            Op.Items => $"api/v1/plans/{planId}/items?limit=20&offset={rng.Next(0, 13)}",
            Op.AgencyItems => $"api/v1/agencies/{key.Agency}/items",
            Op.Report when recorder.RandomId(rng) is { } id => $"api/v1/progress-reports/{id}",
            Op.Report => $"api/v1/plans/{planId}/status",
            Op.Export => rng.Next(2) == 0 ? $"api/v1/plans/{planId}/export.xlsx" : $"api/v1/plans/{planId}/export.csv",
            _ => throw new ArgumentOutOfRangeException(nameof(op)),
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", key.Key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
        return (await SendAsync(op, request, timeout ?? RequestTimeout, hard)).Code;
    }

    /// <summary>The mix: half report posts, then status 15 %, item pages 15 %, an agency's items 10 %, a report by id 10 %.</summary>
    public async Task OneOperationAsync(Random rng, CancellationToken hard)
    {
        var p = rng.NextDouble();
        if (p < WriteShare) await PostReportAsync(rng, hard);
        else if (p < 0.65) await ReadAsync(Op.Status, rng, hard);
        else if (p < 0.80) await ReadAsync(Op.Items, rng, hard);
        else if (p < 0.90) await ReadAsync(Op.AgencyItems, rng, hard);
        else await ReadAsync(Op.Report, rng, hard);
    }
}

/// <summary>
/// Workers running the mix, paced (a fixed total rate; a worker busy retrying falls behind and skips, never bursts) or
/// closed-loop (as fast as answers come). <see cref="StopIssuing"/> ends new work; a report being retried is finished.
/// Bounded by the hard token (cancelled by the caller's time limit) and by a per-worker operation cap.
/// </summary>
internal sealed class LoadRun
{
    private volatile bool issuing = true;
    private readonly List<Task> workers = [];
    private const int MaxOperationsPerWorker = 2_000_000;

    public void StopIssuing() => issuing = false;

    public static LoadRun Paced(LoadClient client, int workerCount, double ratePerSecond, CancellationToken hard, int seed = 1) =>
        Run(client, workerCount, workerCount / ratePerSecond, hard, seed);

    public static LoadRun ClosedLoop(LoadClient client, int workerCount, CancellationToken hard, int seed = 1) =>
        Run(client, workerCount, 0, hard, seed);

    private static LoadRun Run(LoadClient client, int workerCount, double interval, CancellationToken hard, int seed)
    {
        var run = new LoadRun();
        for (var w = 0; w < workerCount; w++)
        {
            var rng = new Random(seed * 7919 + w);
            run.workers.Add(Task.Run(async () =>
            {
                var next = Clock.Now + rng.NextDouble() * interval;
                for (var n = 0; n < MaxOperationsPerWorker && run.issuing && !hard.IsCancellationRequested; n++)
                {
                    try
                    {
                        if (interval > 0)
                        {
                            var wait = next - Clock.Now;
                            if (wait > 0) await Task.Delay(TimeSpan.FromSeconds(wait), hard);
                            if (!run.issuing) break;
                            next = Math.Max(next + interval, Clock.Now - interval);
                        }
                        await client.OneOperationAsync(rng, hard);
                    }
                    catch (OperationCanceledException) when (hard.IsCancellationRequested)
                    {
                        break;
                    }
                }
            }));
        }
        return run;
    }

    /// <summary>Stops issuing and waits for reports being retried to end (their retry budget bounds it).</summary>
    public async Task DrainAsync()
    {
        StopIssuing();
        await Task.WhenAll(workers);
    }
}

internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string Ms(double seconds) => double.IsNaN(seconds) ? "–" : string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:F0} ms");
    public static string S(double seconds) => double.IsNaN(seconds) ? "–" : string.Create(CultureInfo.InvariantCulture, $"{seconds:F2} s");
    public static string F(double value, string format = "F1") => value.ToString(format, CultureInfo.InvariantCulture);
}
