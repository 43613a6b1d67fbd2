using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Npgsql;

namespace PlanApi.Drills;

/// <summary>Seconds since the driver started, on one monotonic clock for every measurement.</summary>
internal static class Clock
{
    private static readonly Stopwatch Watch = Stopwatch.StartNew();
    public static double Now => Watch.Elapsed.TotalSeconds;
}

/// <summary>Command-line settings (drills/run.sh passes them all).</summary>
internal sealed record Config(
    string Mode, string Repo, string ApiUrl, string ApiDll, string Db, string Out, string Report, string KeysFile,
    int PgPort, double SoakMinutes)
{
    public static Config Parse(string[] args)
    {
        var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) values[args[i][2..]] = args[++i];
        }
        string Get(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");
        var repo = Path.GetFullPath(Get("repo"));
        var config = new Config(
            mode, repo,
            values.GetValueOrDefault("api-url", "http://127.0.0.1:5090"),
            Get("api-dll"),
            Get("db"),
            values.GetValueOrDefault("out", Path.Combine(repo, "drills", "out")),
            values.GetValueOrDefault("report", Path.Combine(repo, "drills", "REPORT.md")),
            Get("keys"),
            int.Parse(values.GetValueOrDefault("pg-port", "55440"), CultureInfo.InvariantCulture),
            double.Parse(values.GetValueOrDefault("soak-minutes", "5"), CultureInfo.InvariantCulture));
        if (mode is not ("all" or "db-outage" or "kill" or "sigterm" or "soak"))
            throw new ArgumentException($"Unknown drill '{mode}': all, db-outage, kill, sigterm or soak.");
        var uri = new Uri(config.ApiUrl);
        if (!IPAddress.TryParse(uri.Host, out var ip) || !IPAddress.IsLoopback(ip))
            throw new ArgumentException("The drills only ever talk to a loopback address.");
        if (config.SoakMinutes is < 0.5 or > 60) throw new ArgumentException("--soak-minutes: 0.5 to 60.");
        return config;
    }
}

internal enum Op { Post, Status, Items, AgencyItems, Report, Export }

/// <summary>One HTTP attempt. Code is the status, or <see cref="Timeout"/> (no answer in the per-request limit),
/// <see cref="ConnError"/> (refused, reset) or <see cref="OtherError"/>.</summary>
internal readonly record struct Attempt(Op Op, double Start, double End, int Code, bool HasRetryAfter, bool Replayed, int Try = 0)
{
    public const int Timeout = -1, ConnError = -2, OtherError = -3;
    public double Duration => End - Start;
    public bool Ok => Code is >= 200 and < 300;

    public static string Name(int code) => code switch
    {
        Timeout => "timeout (> 5 s)",
        ConnError => "connection refused/reset",
        OtherError => "other client error",
        _ => code.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>A 201 for a report: the key it was sent with, the id the API gave, and when.</summary>
internal sealed record Ack(string Key, Guid Id, double At, int Attempts, bool Replayed, double FirstSent);

/// <summary>A reporter credential and the ordinals (of the seeded plan) its agency leads or co-operates on.</summary>
internal sealed record ReporterKey(string Key, string Agency, int[] Items);

/// <summary>Everything one drill saw.</summary>
internal sealed class Recorder
{
    public readonly ConcurrentQueue<Attempt> Attempts = new();
    public readonly ConcurrentQueue<Ack> Acks = new();
    public readonly ConcurrentQueue<string> Started = new();
    public readonly ConcurrentQueue<(string Key, int Code, string Body)> Rejected = new();
    public readonly ConcurrentQueue<string> Abandoned = new();
    private readonly List<Guid> ids = [];

    public void AddId(Guid id)
    {
        lock (ids)
        {
            if (ids.Count < 100_000) ids.Add(id);
        }
    }

    public Guid? RandomId(Random rng)
    {
        lock (ids) return ids.Count == 0 ? null : ids[rng.Next(ids.Count)];
    }

    public void WriteCsv(string path)
    {
        using var w = new StreamWriter(path);
        w.WriteLine("op,start_s,end_s,code,retry_after,replayed,try");
        foreach (var a in Attempts.OrderBy(a => a.Start))
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{a.Op},{a.Start:F3},{a.End:F3},{a.Code},{(a.HasRetryAfter ? 1 : 0)},{(a.Replayed ? 1 : 0)},{a.Try}"));
    }
}

/// <summary>Polls something every period until stopped (or a hard cap on samples): /health/ready, or PostgreSQL.</summary>
internal sealed class Poller
{
    public readonly List<(double T, int Code, double Duration)> Samples = [];
    private readonly CancellationTokenSource stop = new();
    private Task? task;

    public static Poller Start(TimeSpan every, Func<CancellationToken, Task<int>> probe, int maxSamples = 20_000)
    {
        var poller = new Poller();
        poller.task = Task.Run(async () =>
        {
            while (!poller.stop.IsCancellationRequested && poller.Samples.Count < maxSamples)
            {
                var start = Clock.Now;
                int code;
                try
                {
                    code = await probe(poller.stop.Token);
                }
                catch (OperationCanceledException) when (poller.stop.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception)
                {
                    code = Attempt.OtherError;
                }
                lock (poller.Samples) poller.Samples.Add((start, code, Clock.Now - start));
                var wait = start + every.TotalSeconds - Clock.Now;
                try
                {
                    if (wait > 0) await Task.Delay(TimeSpan.FromSeconds(wait), poller.stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
        return poller;
    }

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        if (task is not null) await task;
    }

    /// <summary>/health/ready: its status code, or a negative code when it does not answer within 2 s.</summary>
    public static Poller Health(HttpClient http) => Start(TimeSpan.FromMilliseconds(250), async ct =>
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var response = await http.GetAsync("health/ready", cts.Token);
            return (int)response.StatusCode;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Attempt.Timeout;
        }
        catch (HttpRequestException)
        {
            return Attempt.ConnError;
        }
    });

    /// <summary>PostgreSQL itself: 1 when a fresh connection runs SELECT 1, 0 when not.</summary>
    public static Poller Database(string connectionString) => Start(TimeSpan.FromMilliseconds(100), async ct =>
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 1, CommandTimeout = 1 };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(ct);
            return 1;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or IOException)
        {
            return 0;
        }
    });
}

/// <summary>The API as a real process: dotnet PlanApi.dll on the drill address, logging to out/api-NAME.log.</summary>
internal sealed class ApiProcess
{
    public const int SIGTERM = 15;

    [DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    private static extern int SysKill(int pid, int signal);

    private readonly Process process;
    public double StartedAt { get; }
    public string LogPath { get; }
    public int Pid => process.Id;
    public bool Exited => process.HasExited;
    public int ExitCode => process.ExitCode;

    private ApiProcess(Process process, double startedAt, string logPath) =>
        (this.process, StartedAt, LogPath) = (process, startedAt, logPath);

    public static ApiProcess Start(Config config, string name)
    {
        var log = Path.Combine(config.Out, $"api-{name}.log");
        // Started in its own folder, as in the container image: appsettings.json is read from there (content root);
        // the seeds are found by walking up from it.
        var info = new ProcessStartInfo("/bin/sh") { WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(config.ApiDll))!, UseShellExecute = false };
        // exec: the process id is the API's own, so signals reach it directly.
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec dotnet \"$0\" --urls \"$1\" >\"$2\" 2>&1 </dev/null");
        info.ArgumentList.Add(config.ApiDll);
        info.ArgumentList.Add(config.ApiUrl);
        info.ArgumentList.Add(log);
        info.Environment["ConnectionStrings__PlanDb"] = config.Db;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_NOLOGO"] = "1";
        var started = Clock.Now;
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the API.");
        File.WriteAllText(Path.Combine(config.Out, "api.pid"), process.Id.ToString(CultureInfo.InvariantCulture));
        return new ApiProcess(process, started, log);
    }

    /// <summary>Polls /health/ready every 100 ms; the time it first answered 200, or null (exited, or not within max).</summary>
    public async Task<double?> WaitReadyAsync(HttpClient http, TimeSpan max)
    {
        var until = Clock.Now + max.TotalSeconds;
        while (Clock.Now < until && !process.HasExited)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                using var response = await http.GetAsync("health/ready", cts.Token);
                if (response.StatusCode == HttpStatusCode.OK) return Clock.Now;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
            }
            await Task.Delay(100);
        }
        return null;
    }

    public void Signal(int signal)
    {
        if (SysKill(process.Id, signal) != 0) throw new InvalidOperationException($"kill({process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>SIGKILL, and wait for the process to be gone.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
    }

    public async Task<bool> WaitExitAsync(TimeSpan max)
    {
        try
        {
            await process.WaitForExitAsync(new CancellationTokenSource(max).Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM; SIGKILL if it is still there after the grace period. The exit code, or null when killed.</summary>
    public async Task<int?> StopAsync(TimeSpan grace)
    {
        if (process.HasExited) return process.ExitCode;
        Signal(SIGTERM);
        if (await WaitExitAsync(grace)) return process.ExitCode;
        await KillAsync();
        return null;
    }

    /// <summary>Resident set size from /proc/PID/status (VmRSS), in KiB.</summary>
    public long? RssKib()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        catch (IOException)
        {
        }
        return null;
    }

    /// <summary>
    /// The API log's failures, counted by kind: for each failed request the problem title and the exception's first
    /// line (type, SQL state, message); other fail/crit entries by category. For the report.
    /// </summary>
    public static IReadOnlyList<(string What, int Count)> LogErrors(string path)
    {
        if (!File.Exists(path)) return [];
        var lines = File.ReadAllLines(path);
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('{'))
            {
                if (JsonLogError(line) is { } error) counts[error] = counts.GetValueOrDefault(error) + 1;
                continue;
            }
            var heartbeat = line.StartsWith("warn: Microsoft.AspNetCore.Server.Kestrel[22]", StringComparison.Ordinal);
            if (!(heartbeat || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal)
                || line.StartsWith("Unhandled exception", StringComparison.Ordinal))) continue;
            string what;
            if (heartbeat)
            {
                what = "warn: Kestrel heartbeat late by over 1 s (the process got no CPU or no thread-pool thread in time)";
            }
            else if (line.Contains("ProblemDetailsExceptionHandler", StringComparison.Ordinal) && i + 2 < lines.Length)
            {
                var exception = lines[i + 2].Trim();
                what = $"{lines[i + 1].Trim()} ← {(exception.Length > 160 ? exception[..160] : exception)}";
            }
            else
            {
                what = line.Length > 160 ? line[..160] : line;
            }
            counts[what] = counts.GetValueOrDefault(what) + 1;
        }
        return counts.OrderByDescending(c => c.Value).Select(c => (c.Key, c.Value)).ToList();
    }

    /// <summary>The same kinds from a JSON console line (the API's production format); null for other records.</summary>
    private static string? JsonLogError(string line)
    {
        System.Text.Json.Nodes.JsonNode? record;
        try
        {
            record = System.Text.Json.Nodes.JsonNode.Parse(line);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        var level = record?["LogLevel"]?.GetValue<string>();
        var category = record?["Category"]?.GetValue<string>() ?? "";
        var message = record?["Message"]?.GetValue<string>() ?? "";
        if (level == "Warning" && category == "Microsoft.AspNetCore.Server.Kestrel" && record?["EventId"]?.GetValue<int>() == 22)
            return "warn: Kestrel heartbeat late by over 1 s (the process got no CPU or no thread-pool thread in time)";
        if (level is not ("Error" or "Critical")) return null;
        var exception = (record?["Exception"]?.GetValue<string>() ?? "").Split('\n')[0].Trim();
        var what = category.EndsWith("ProblemDetailsExceptionHandler", StringComparison.Ordinal)
            ? $"{message} ← {(exception.Length > 160 ? exception[..160] : exception)}"
            : $"{level}: {category}: {message}";
        return what.Length > 200 ? what[..200] : what;
    }
}

/// <summary>Runs scripts/pg.sh for the drill cluster (its port and data folder come from the environment run.sh set).</summary>
internal static class PgScript
{
    public static async Task RunAsync(Config config, string verb)
    {
        var info = new ProcessStartInfo(Path.Combine(config.Repo, "scripts", "pg.sh")) { WorkingDirectory = config.Repo, UseShellExecute = false };
        info.ArgumentList.Add(verb);
        info.Environment["PLANAPI_PG_PORT"] = config.PgPort.ToString(CultureInfo.InvariantCulture);
        if (config.PgPort == 55432) throw new InvalidOperationException("Refusing to touch the shared cluster on 55432.");
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PLANAPI_PG_DATA_ROOT")))
            throw new InvalidOperationException("PLANAPI_PG_DATA_ROOT must name the drill cluster's folder (drills/run.sh sets it).");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("scripts/pg.sh did not start");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"scripts/pg.sh {verb} failed ({process.ExitCode})");
    }
}

/// <summary>
/// Samples pg_stat_activity every second during load: the oldest open transaction of the API's connections (its
/// state, what it waits on, its last query) and how many wait on a lock. It tells a slow database (an active
/// transaction waiting on I/O) from a stalled application (a transaction idle in the API while it holds locks).
/// </summary>
internal sealed class ActivitySampler
{
    public sealed record Sample(double T, double OldestAge, string State, string Wait, string Query, int LockWaiters, int Open, double ApiCpu, int Runnable);

    public readonly List<Sample> Samples = [];
    private readonly CancellationTokenSource stop = new();
    private Task? task;

    /// <summary>CPU time (user + system) of a process in seconds, from /proc/PID/stat (clock ticks of 1/100 s).</summary>
    private static double? CpuSeconds(int? pid)
    {
        try
        {
            if (pid is null) return null;
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Processes runnable on the machine now (/proc/loadavg's fourth field): above 2 the cores are oversubscribed.</summary>
    private static int Runnable()
    {
        try
        {
            return int.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[3].Split('/')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
        {
            return -1;
        }
    }

    public static ActivitySampler Start(string connectionString, Func<int?> apiPid, int maxSamples = 4_000)
    {
        var sampler = new ActivitySampler();
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 2, CommandTimeout = 2, ApplicationName = "drills-sampler" };
        sampler.task = Task.Run(async () =>
        {
            var lastCpu = CpuSeconds(apiPid());
            var lastT = Clock.Now;
            while (!sampler.stop.IsCancellationRequested && sampler.Samples.Count < maxSamples)
            {
                var start = Clock.Now;
                var cpu = CpuSeconds(apiPid());
                var apiCpu = cpu is { } c && lastCpu is { } l && c >= l ? (c - l) / Math.Max(0.01, start - lastT) : double.NaN;
                (lastCpu, lastT) = (cpu, start);
                var runnable = Runnable();
                try
                {
                    await using var connection = new NpgsqlConnection(builder.ConnectionString);
                    await connection.OpenAsync(sampler.stop.Token);
                    await using var command = new NpgsqlCommand("""
                        SELECT coalesce(extract(epoch FROM now() - o.xact_start), 0)::float8, coalesce(o.state, ''),
                               coalesce(o.wait_event_type || ':' || o.wait_event, ''), coalesce(left(regexp_replace(o.query, '\s+', ' ', 'g'), 90), ''),
                               (SELECT count(*) FROM pg_stat_activity w WHERE w.datname = current_database() AND w.wait_event_type = 'Lock')::int,
                               (SELECT count(*) FROM pg_stat_activity x WHERE x.datname = current_database() AND x.xact_start IS NOT NULL AND x.pid <> pg_backend_pid())::int
                        FROM (SELECT 1) one
                        LEFT JOIN LATERAL (SELECT * FROM pg_stat_activity a WHERE a.datname = current_database() AND a.xact_start IS NOT NULL
                                           AND a.pid <> pg_backend_pid() AND a.application_name <> 'drills-sampler' ORDER BY a.xact_start LIMIT 1) o ON true
                        """, connection);
                    await using var reader = await command.ExecuteReaderAsync(sampler.stop.Token);
                    if (await reader.ReadAsync(sampler.stop.Token))
                    {
                        lock (sampler.Samples)
                            sampler.Samples.Add(new Sample(start, reader.GetDouble(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5), apiCpu, runnable));
                    }
                }
                catch (OperationCanceledException) when (sampler.stop.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException or System.Net.Sockets.SocketException)
                {
                    // The database is down (the outage drill): nothing to sample.
                }
                try
                {
                    var wait = start + 1 - Clock.Now;
                    if (wait > 0) await Task.Delay(TimeSpan.FromSeconds(wait), sampler.stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
        return sampler;
    }

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        if (task is not null) await task;
    }

    /// <summary>
    /// How much CPU the API got, and how busy the machine was, while requests were timing out: a starved API on an
    /// oversubscribed machine looks different from one waiting on the database or on itself.
    /// </summary>
    public string DuringTimeouts(IReadOnlyCollection<Attempt> attempts)
    {
        var timeouts = attempts.Where(a => a.Code == Attempt.Timeout).ToList();
        if (timeouts.Count == 0) return "";
        List<Sample> samples;
        lock (Samples) samples = [.. Samples];
        var during = samples.Where(s => timeouts.Any(a => s.T >= a.Start && s.T <= a.End)).ToList();
        var rest = samples.Except(during).ToList();
        if (during.Count == 0) return "";
        static string Cpu(List<Sample> l) => l.Where(s => !double.IsNaN(s.ApiCpu)).Select(s => s.ApiCpu * 100).DefaultIfEmpty(double.NaN).Average().ToString("F0", CultureInfo.InvariantCulture);
        static string Run(List<Sample> l) => Stats.Median(l.Where(s => s.Runnable >= 0).Select(s => (double)s.Runnable)).ToString("F0", CultureInfo.InvariantCulture);
        return $"While requests were timing out ({during.Count} one-second samples) the API got {Cpu(during)} % of a core and the machine had a median of " +
               $"{Run(during)} runnable processes for its {System.Environment.ProcessorCount} cores; the rest of the time {Cpu(rest)} % and {Run(rest)}.";
    }

    /// <summary>Markdown: the longest-open transactions seen (over 2 s), with what they were doing.</summary>
    public string Markdown(double zero, string zeroName)
    {
        List<Sample> samples;
        lock (Samples) samples = [.. Samples];
        if (samples.Count == 0) return "pg_stat_activity: no samples.";
        var maxWaiters = samples.Max(s => s.LockWaiters);
        var long_ = samples.Where(s => s.OldestAge > 2).OrderByDescending(s => s.OldestAge).Take(5).OrderBy(s => s.T).ToList();
        var sb = new System.Text.StringBuilder();
        var cpu = samples.Where(s => !double.IsNaN(s.ApiCpu)).Select(s => s.ApiCpu).DefaultIfEmpty(double.NaN).Average();
        var runnable = Stats.Median(samples.Where(s => s.Runnable >= 0).Select(s => (double)s.Runnable));
        sb.Append(CultureInfo.InvariantCulture, $"Sampled every second ({samples.Count} samples): the API used {cpu * 100:F0} % of a core on average; the machine had a median of {runnable:F0} runnable processes for its 2 cores. pg_stat_activity: oldest open transaction of the API at most **{samples.Max(s => s.OldestAge):F1} s**; at most {maxWaiters} connections waiting on a lock at once");
        if (long_.Count == 0) return sb.Append(" (no transaction open longer than 2 s).").ToString();
        sb.AppendLine(". Transactions open longer than 2 s (the longest five):");
        sb.AppendLine();
        sb.AppendLine($"| t ({zeroName}) | open for | state | waiting on | its last statement | connections waiting on a lock | API CPU (last second) | runnable processes |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var s in long_)
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.T - zero:+0.0;-0.0} s | {s.OldestAge:F1} s | {s.State} | {(s.Wait.Length == 0 ? "–" : s.Wait)} | `{s.Query.Replace("|", "/")}` | {s.LockWaiters} | {s.ApiCpu * 100:F0} % | {s.Runnable} |");
        return sb.ToString().TrimEnd();
    }
}
