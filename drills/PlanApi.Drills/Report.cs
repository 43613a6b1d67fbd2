using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace PlanApi.Drills;

/// <summary>
/// drills/REPORT.md: a fixed introduction, then one section per drill between markers. A run replaces the sections
/// of the drills it ran and keeps the others, so `drills/run.sh kill` updates only the kill drill's figures.
/// </summary>
internal static partial class Report
{
    private static readonly (string Name, string Title)[] Sections =
    [
        ("db-outage", "PostgreSQL stopped for 10 s under load"),
        ("kill", "API killed with SIGKILL under load, restarted"),
        ("sigterm", "SIGTERM with requests in flight"),
        ("soak", "Soak at 70 % of the highest rate"),
    ];

    /// <summary>The 1-minute load average when the drill began (the machine may be shared).</summary>
    public static string LoadAtStart { get; set; } = "?";

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    public static void Write(Config config, DrillResult result)
    {
        var existing = File.Exists(config.Report) ? File.ReadAllText(config.Report) : "";
        var blocks = Sections.ToDictionary(s => s.Name, s => Block(existing, s.Name));
        var title = Sections.First(s => s.Name == result.Name).Title;
        blocks[result.Name] =
            $"## {title}: {(result.Passed ? "PASSED" : "**FAILED**")}\n\n" +
            $"{Environment(config)}\n\n{result.Markdown}";

        var sb = new StringBuilder();
        sb.AppendLine(Intro.TrimEnd());
        sb.AppendLine();
        sb.AppendLine("## Summary");
        sb.AppendLine();
        sb.AppendLine("| drill | result | run |");
        sb.AppendLine("|---|---|---|");
        foreach (var (name, t) in Sections)
        {
            var block = blocks[name];
            var status = block is null ? "not run yet" : block.Contains(": PASSED\n", StringComparison.Ordinal) ? "passed" : "**failed**";
            var when = block is null ? "" : RunLine().Match(block) is { Success: true } m ? m.Groups[1].Value.Trim() : "";
            sb.AppendLine($"| [{t}](#{name}) | {status} | {when} |");
        }
        foreach (var (name, t) in Sections)
        {
            sb.AppendLine();
            sb.AppendLine($"<a id=\"{name}\"></a>");
            sb.AppendLine($"<!-- drill:{name} -->");
            sb.AppendLine(blocks[name] ?? $"## {t}: not run yet");
            sb.AppendLine($"<!-- /drill:{name} -->");
        }
        File.WriteAllText(config.Report, sb.ToString());
    }

    private static string? Block(string text, string name)
    {
        var start = text.IndexOf($"<!-- drill:{name} -->\n", StringComparison.Ordinal);
        var end = text.IndexOf($"<!-- /drill:{name} -->", StringComparison.Ordinal);
        if (start < 0 || end < start) return null;
        var body = text[(start + $"<!-- drill:{name} -->\n".Length)..end].TrimEnd();
        return body.Contains("not run yet", StringComparison.Ordinal) && body.Length < 120 ? null : body;
    }

    [GeneratedRegex(@"^Run: ([^·\n]+)", RegexOptions.Multiline)]
    private static partial Regex RunLine();

    private static string Environment(Config config)
    {
        var commit = Git(config.Repo, "rev-parse --short HEAD");
        var dirty = Git(config.Repo, "status --porcelain --untracked-files=no").Length > 0 ? " (with uncommitted changes)" : "";
        var load = LoadAverage();
        var memory = File.Exists("/proc/meminfo")
            ? (long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024).ToString("F0", CultureInfo.InvariantCulture) + " GiB"
            : "?";
        string pg;
        try
        {
            using var connection = new NpgsqlConnection(config.Db);
            connection.Open();
            using var command = new NpgsqlCommand("SHOW server_version", connection);
            pg = "PostgreSQL " + command.ExecuteScalar();
        }
        catch (NpgsqlException)
        {
            pg = "PostgreSQL (version unavailable)";
        }
        return $"Run: {DateTime.Now:yyyy-MM-dd HH:mm zzz} · commit {commit}{dirty} · {System.Environment.ProcessorCount} cores, {memory}, load average {LoadAtStart} at the start, {load} at the end · " +
               $".NET {System.Environment.Version} · {pg} (own cluster on port {config.PgPort}, fsync on) · API {config.ApiUrl} (Release, ASPNETCORE_ENVIRONMENT=Production, default limits)";
    }

    private static string Git(string repo, string arguments)
    {
        try
        {
            var info = new ProcessStartInfo("git", arguments) { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(10_000);
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }

    private const string Intro = """
        # PlanApi reliability drills: report

        Written by `drills/run.sh` (see [drills/README.md](README.md)); each section holds the figures of the latest run
        of its drill. The API runs as a real process (Release build, `dotnet PlanApi.dll`) on 127.0.0.1:5090 over its own
        PostgreSQL 15 cluster (port 55440, data in `.pgdata/drills/`). Virtual district systems post progress reports,
        each with a fresh `Idempotency-Key`, and retry the same request with the same key after `Retry-After` on a
        timeout, a connection error, 5xx, 409 or 429 (bounded: 100 attempts, 90 s); they also read plan status, item
        pages, agencies' items and reports. Every request has a 5 s limit: one without an answer by then counts as a hang.
        Afterwards PostgreSQL is read directly: every report that got a 201 must be stored exactly once with the id the
        client was given, no Idempotency-Key may have two reports, and `idempotency_records` must agree with the reports.
        """;
}
