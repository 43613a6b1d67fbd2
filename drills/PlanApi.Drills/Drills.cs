using System.Globalization;
using System.Text;
using Npgsql;

namespace PlanApi.Drills;

internal sealed record DrillResult(string Name, bool Passed, string Markdown);

/// <summary>A check for the report: what was required, what was seen, and whether it held.</summary>
internal sealed record Check(string What, string Seen, bool Ok)
{
    public static string Table(IEnumerable<Check> checks) => string.Join('\n',
        new[] { "| requirement | seen | |", "|---|---|---|" }.Concat(checks.Select(c => $"| {c.What} | {c.Seen} | {(c.Ok ? "pass" : "**FAIL**")} |")));
}

/// <summary>What the four drills share: the setup (plan, credentials) and the load figures.</summary>
internal sealed class DrillContext(Config config, HttpClient http, Guid planId, IReadOnlyList<ReporterKey> keys)
{
    public Config Config => config;
    public HttpClient Http => http;
    public Guid PlanId => planId;
    public IReadOnlyList<ReporterKey> Keys => keys;

    public static string NewTag(string drill) => $"{drill}-{DateTime.UtcNow:yyyyMMddHHmmss}";

    public LoadClient NewClient(string tag) => new(http, new Recorder(), planId, keys, tag);

    public async Task<ApiProcess> StartApiAsync(string name)
    {
        var api = ApiProcess.Start(config, name);
        if (await api.WaitReadyAsync(http, TimeSpan.FromSeconds(90)) is null)
        {
            await api.StopAsync(TimeSpan.FromSeconds(5));
            throw new InvalidOperationException($"The API did not become ready; see {api.LogPath}");
        }
        return api;
    }

    /// <summary>
    /// A fresh process compiles its queries on first use; the drills measure faults, not that, so each starts with a
    /// few unrecorded operations of every kind (reports under a separate tag, not verified).
    /// </summary>
    public async Task WarmUpAsync()
    {
        var warm = NewClient(NewTag("warm-up"));
        using var hard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var rng = new Random(3);
        for (var i = 0; i < 3; i++)
        {
            await warm.PostReportAsync(rng, hard.Token);
            foreach (var op in new[] { Op.Status, Op.Items, Op.AgencyItems, Op.Report }) await warm.ReadAsync(op, rng, hard.Token);
        }
    }

    /// <summary>Requests by outcome, latency and the 5 s bound, over a set of attempts.</summary>
    public static (string Markdown, int Non503ServerErrors, int Over5s, int Missing503RetryAfter) LoadFigures(IReadOnlyCollection<Attempt> attempts)
    {
        var posts = attempts.Count(a => a.Op == Op.Post);
        int Count(Func<Attempt, bool> f) => attempts.Count(f);
        var non503 = Count(a => a.Code >= 500 && a.Code != 503);
        var over5 = Count(a => a.Code == Attempt.Timeout || a.Duration > 5);
        var missingRa = Count(a => a.Code == 503 && !a.HasRetryAfter);
        var completed = attempts.Where(a => a.Code > 0).Select(a => a.Duration).OrderBy(d => d).ToList();
        var other = attempts.Where(a => a.Code is >= 300 and < 500 and not (409 or 429)).GroupBy(a => a.Code)
            .Select(g => $"{g.Key}: {g.Count()}").ToList();
        var sb = new StringBuilder();
        sb.AppendLine("| requests | count |");
        sb.AppendLine("|---|---|");
        sb.AppendLine($"| tried (every attempt, retries included) | {attempts.Count} (report posts {posts}, reads {attempts.Count - posts}) |");
        sb.AppendLine($"| 2xx | {Count(a => a.Ok)} (201: {Count(a => a.Code == 201)}, of which replayed: {Count(a => a.Code == 201 && a.Replayed)}) |");
        sb.AppendLine($"| 503 | {Count(a => a.Code == 503)} (without Retry-After: {missingRa}) |");
        sb.AppendLine($"| 5xx other than 503 | **{non503}**{(non503 > 0 ? " (" + string.Join(", ", attempts.Where(a => a.Code >= 500 && a.Code != 503).GroupBy(a => a.Code).Select(g => $"{g.Key}: {g.Count()}")) + ")" : "")} |");
        sb.AppendLine($"| 409 (key in flight) / 429 (rate limit) | {Count(a => a.Code == 409)} / {Count(a => a.Code == 429)} |");
        sb.AppendLine($"| other 3xx/4xx | {(other.Count == 0 ? "0" : string.Join(", ", other))} |");
        sb.AppendLine($"| connection refused/reset | {Count(a => a.Code == Attempt.ConnError)} |");
        var postTimeouts = attempts.Where(a => a.Code == Attempt.Timeout && a.Op == Op.Post).ToList();
        sb.AppendLine($"| no answer within 5 s (timeouts) | **{Count(a => a.Code == Attempt.Timeout)}** (report posts on their first try: {postTimeouts.Count(a => a.Try == 1)}, on a retry: {postTimeouts.Count(a => a.Try > 1)}; reads: {Count(a => a.Code == Attempt.Timeout && a.Op != Op.Post)}) |");
        sb.AppendLine($"| other client-side errors | {Count(a => a.Code == Attempt.OtherError)} |");
        sb.AppendLine($"| latency of answered requests: p50 / p99 / max | {Stats.Ms(Stats.Percentile(completed, 0.5))} / {Stats.Ms(Stats.Percentile(completed, 0.99))} / {Stats.Ms(completed.Count == 0 ? double.NaN : completed[^1])} |");
        return (sb.ToString().TrimEnd(), non503, over5, missingRa);
    }

    /// <summary>Writes the attempts as CSV beside the logs, for anyone who wants to plot them.</summary>
    public void Save(string name, Recorder recorder) => recorder.WriteCsv(Path.Combine(config.Out, $"{name}-attempts.csv"));

    public static string LogSection(params string[] logs)
    {
        var errors = logs.SelectMany(ApiProcess.LogErrors).GroupBy(e => e.What)
            .Select(g => (What: g.Key, Count: g.Sum(e => e.Count))).OrderByDescending(e => e.Count).Take(12).ToList();
        if (errors.Count == 0) return "API log: no `fail:`/`crit:` entries.";
        return "API log, `fail:`/`crit:` entries by kind (a failed request is logged with its answer and the exception):\n\n" +
               "| entries | what |\n|---|---|\n" +
               string.Join('\n', errors.Select(e => $"| {e.Count} | `{e.What.Replace("|", "/").Replace("`", "'")}` |"));
    }
}

internal static class Drills
{
    private const int DrillWorkers = 10;
    private const double DrillRate = 50; // operations per second, half of them report posts

    private static string Rel(double t, double zero) => string.Create(CultureInfo.InvariantCulture, $"{t - zero:+0.00;-0.00} s");

    // ---------------------------------------------------------------------------------------------------------------
    public static async Task<DrillResult> DbOutageAsync(DrillContext ctx)
    {
        var tag = DrillContext.NewTag("db-outage");
        var client = ctx.NewClient(tag);
        var api = await ctx.StartApiAsync("db-outage");
        await ctx.WarmUpAsync();
        using var hard = new CancellationTokenSource(TimeSpan.FromSeconds(260));
        var health = Poller.Health(ctx.Http);
        var db = Poller.Database(ctx.Config.Db);
        var activity = ActivitySampler.Start(ctx.Config.Db, () => api.Exited ? null : api.Pid);

        var loadStart = Clock.Now;
        var load = LoadRun.Paced(client, DrillWorkers, DrillRate, hard.Token, seed: 11);
        await Task.Delay(TimeSpan.FromSeconds(10));
        var stopCmd = Clock.Now;
        await PgScript.RunAsync(ctx.Config, "stop");
        var stopped = Clock.Now;
        await Task.Delay(TimeSpan.FromSeconds(10));
        var startCmd = Clock.Now;
        await PgScript.RunAsync(ctx.Config, "start");
        var startReturned = Clock.Now;
        double dbBack;
        lock (db.Samples) dbBack = db.Samples.Where(s => s.T >= startCmd && s.Code == 1).Select(s => s.T + s.Duration).DefaultIfEmpty(startReturned).Min();
        while (Clock.Now < startReturned + 20) await Task.Delay(200);
        await load.DrainAsync();
        var drained = Clock.Now;
        await health.StopAsync();
        await db.StopAsync();
        await activity.StopAsync();
        var exit = await api.StopAsync(TimeSpan.FromSeconds(40));
        var verification = await Verification.RunAsync(ctx.Config.Db, client.Recorder, tag);
        ctx.Save("db-outage", client.Recorder);

        var attempts = client.Recorder.Attempts.ToList();
        var (figures, non503, over5, missingRa) = DrillContext.LoadFigures(attempts);
        var hs = health.Samples;
        var firstUnhealthy = hs.Where(s => s.T >= stopCmd && s.Code != 200).Select(s => s.T).DefaultIfEmpty(double.NaN).First();
        var healthyAgain = hs.Where(s => s.T >= dbBack && s.Code == 200).Select(s => s.T + s.Duration).DefaultIfEmpty(double.NaN).First();
        var unhealthyPolls = hs.Count(s => s.T >= stopCmd && s.T < dbBack && s.Code != 200);
        var healthMax = hs.Count == 0 ? double.NaN : hs.Max(s => s.Duration);
        var acks = client.Recorder.Acks.ToList();
        var first201 = acks.Where(a => a.At >= dbBack).Select(a => a.At).DefaultIfEmpty(double.NaN).Min();
        var first201New = attempts.Where(a => a.Op == Op.Post && a.Code == 201 && a.Start >= dbBack).Select(a => a.End).DefaultIfEmpty(double.NaN).Min();
        var during = attempts.Where(a => a.Start >= stopCmd && a.Start < dbBack).ToList();
        var duringCodes = string.Join(", ", during.GroupBy(a => a.Code).OrderByDescending(g => g.Count()).Select(g => $"{Attempt.Name(g.Key)}: {g.Count()}"));

        var checks = new List<Check>
        {
            new("no 5xx other than 503", non503.ToString(CultureInfo.InvariantCulture), non503 == 0),
            new("no request without an answer within 5 s", over5.ToString(CultureInfo.InvariantCulture), over5 == 0),
            new("every 503 carries Retry-After", $"{missingRa} without", missingRa == 0),
            new("/health/ready turns unhealthy during the outage", double.IsNaN(firstUnhealthy) ? "never" : $"after {Stats.S(firstUnhealthy - stopCmd)} ({unhealthyPolls} unhealthy polls)", !double.IsNaN(firstUnhealthy) && firstUnhealthy < dbBack),
            new("/health/ready healthy again within 5 s of the database's return", double.IsNaN(healthyAgain) ? "never" : Stats.S(healthyAgain - dbBack), healthyAgain - dbBack <= 5),
            new("first 201 within 5 s of the database's return", double.IsNaN(first201) ? "never" : Stats.S(first201 - dbBack), first201 - dbBack <= 5),
            new("acknowledged = stored exactly once", $"{verification.AcknowledgedStoredOnce} / {verification.Acknowledged}", verification.AcknowledgedStoredOnce == verification.Acknowledged && verification.Lost == 0 && verification.WrongId == 0),
            new("no report stored twice", $"{verification.Duplicates} duplicates", verification.Duplicates == 0),
            new("idempotency records agree with the reports", $"{verification.ReportsWithoutRecord} missing, {verification.RecordMismatch} mismatched", verification.ReportsWithoutRecord == 0 && verification.RecordMismatch == 0 && verification.KeysWithTwoRecords == 0),
            new("no report refused or abandoned", $"{verification.Rejected} refused, {verification.Abandoned} abandoned", verification.Rejected == 0 && verification.Abandoned == 0),
        };

        var sb = new StringBuilder();
        sb.AppendLine($"Load: {DrillWorkers} virtual clients, {Stats.F(DrillRate, "F0")} operations/s paced ({LoadClient.WriteShare:P0} report posts with Idempotency-Keys and retries, the rest reads), from {Rel(loadStart, stopCmd)} to {Rel(drained, stopCmd)} (times relative to the stop command).");
        sb.AppendLine();
        sb.AppendLine("| event | time |");
        sb.AppendLine("|---|---|");
        sb.AppendLine($"| `scripts/pg.sh stop` (pg_ctl -m fast) issued / returned | {Rel(stopCmd, stopCmd)} / {Rel(stopped, stopCmd)} |");
        sb.AppendLine($"| `scripts/pg.sh start` issued (10 s after the stop returned) / returned | {Rel(startCmd, stopCmd)} / {Rel(startReturned, stopCmd)} |");
        sb.AppendLine($"| database back (first SELECT 1 on a fresh connection) | {Rel(dbBack, stopCmd)} |");
        sb.AppendLine($"| /health/ready first unhealthy | {(double.IsNaN(firstUnhealthy) ? "never" : Rel(firstUnhealthy, stopCmd))} |");
        sb.AppendLine($"| /health/ready healthy again | {(double.IsNaN(healthyAgain) ? "never" : Rel(healthyAgain, stopCmd))} (**{Stats.S(healthyAgain - dbBack)}** after the database) |");
        sb.AppendLine($"| first 201 after the database's return | {(double.IsNaN(first201) ? "never" : Rel(first201, stopCmd))} (**{Stats.S(first201 - dbBack)}**; first 201 to a request sent after the return: {Stats.S(first201New - dbBack)}) |");
        sb.AppendLine($"| slowest /health/ready answer | {Stats.Ms(healthMax)} |");
        sb.AppendLine($"| API exit after SIGTERM at the end | {(exit is null ? "killed after 40 s" : $"exit code {exit}")} |");
        sb.AppendLine();
        sb.AppendLine($"Answers to requests sent between the stop command and the database's return: {duringCodes}.");
        sb.AppendLine();
        sb.AppendLine(figures);
        sb.AppendLine();
        sb.AppendLine(verification.Markdown());
        sb.AppendLine();
        sb.AppendLine(activity.Markdown(stopCmd, "from the stop"));
        if (activity.DuringTimeouts(attempts) is { Length: > 0 } starved)
        {
            sb.AppendLine();
            sb.AppendLine(starved);
        }
        sb.AppendLine();
        sb.AppendLine(Timeline(attempts, hs, db.Samples, stopCmd, -3, (int)Math.Ceiling(dbBack - stopCmd) + 6));
        sb.AppendLine();
        sb.AppendLine(Check.Table(checks));
        sb.AppendLine();
        sb.AppendLine(DrillContext.LogSection(api.LogPath));
        return new DrillResult("db-outage", checks.All(c => c.Ok) && verification.Passed, sb.ToString().TrimEnd());
    }

    /// <summary>Per second around the fault: requests started and their answers, health and database state.</summary>
    private static string Timeline(List<Attempt> attempts, List<(double T, int Code, double Duration)> health,
        List<(double T, int Code, double Duration)>? db, double zero, int from, int to)
    {
        var sb = new StringBuilder();
        sb.AppendLine("Per second (requests by the time they were sent; t in seconds from the fault):");
        sb.AppendLine();
        sb.AppendLine(db is null
            ? "| t | sent | 2xx | 201 | 503 | other 5xx | refused/reset | timeout | /health/ready |"
            : "| t | sent | 2xx | 201 | 503 | other 5xx | refused/reset | timeout | /health/ready | database |");
        sb.AppendLine(db is null ? "|---|---|---|---|---|---|---|---|---|" : "|---|---|---|---|---|---|---|---|---|---|");
        for (var k = from; k < to && k < from + 120; k++)
        {
            double t0 = zero + k, t1 = zero + k + 1;
            var window = attempts.Where(a => a.Start >= t0 && a.Start < t1).ToList();
            var h = health.Where(s => s.T >= t0 && s.T < t1).Select(s => s.Code == 200 ? "up" : Attempt.Name(s.Code)).Distinct().ToList();
            var row = string.Create(CultureInfo.InvariantCulture,
                $"| {k:+0;-0;0} | {window.Count} | {window.Count(a => a.Ok)} | {window.Count(a => a.Code == 201)} | {window.Count(a => a.Code == 503)} | {window.Count(a => a.Code >= 500 && a.Code != 503)} | {window.Count(a => a.Code == Attempt.ConnError)} | {window.Count(a => a.Code == Attempt.Timeout)} | {(h.Count == 0 ? "–" : string.Join("/", h))} |");
            if (db is not null)
            {
                var d = db.Where(s => s.T >= t0 && s.T < t1).Select(s => s.Code == 1 ? "up" : "down").Distinct().ToList();
                row += $" {(d.Count == 0 ? "–" : string.Join("/", d))} |";
            }
            sb.AppendLine(row);
        }
        return sb.ToString().TrimEnd();
    }

    // ---------------------------------------------------------------------------------------------------------------
    public static async Task<DrillResult> KillAsync(DrillContext ctx)
    {
        var tag = DrillContext.NewTag("kill");
        var client = ctx.NewClient(tag);
        var api = await ctx.StartApiAsync("kill");
        await ctx.WarmUpAsync();
        using var hard = new CancellationTokenSource(TimeSpan.FromSeconds(260));
        var health = Poller.Health(ctx.Http);
        ApiProcess? current = api;
        var activity = ActivitySampler.Start(ctx.Config.Db, () => current is { Exited: false } p ? p.Pid : null);
        var loadStart = Clock.Now;
        var load = LoadRun.Paced(client, DrillWorkers, DrillRate, hard.Token, seed: 23);
        await Task.Delay(TimeSpan.FromSeconds(10));
        var killAt = Clock.Now;
        var inFlightAtKill = 0; // requests sent and not yet answered at the kill
        await api.KillAsync();
        var dead = Clock.Now;
        inFlightAtKill = client.Recorder.Attempts.Count(a => a.Start < killAt && a.End >= killAt);
        var restart = ApiProcess.Start(ctx.Config, "kill-restart");
        current = restart;
        var ready = await restart.WaitReadyAsync(ctx.Http, TimeSpan.FromSeconds(90)) ?? double.NaN;
        var until = (double.IsNaN(ready) ? Clock.Now : ready) + 20;
        while (Clock.Now < until) await Task.Delay(200);
        await load.DrainAsync();
        var drained = Clock.Now;
        await health.StopAsync();
        await activity.StopAsync();
        var exit = await restart.StopAsync(TimeSpan.FromSeconds(40));
        var verification = await Verification.RunAsync(ctx.Config.Db, client.Recorder, tag);
        ctx.Save("kill", client.Recorder);

        var attempts = client.Recorder.Attempts.ToList();
        inFlightAtKill = attempts.Count(a => a.Start < killAt && a.End >= killAt);
        var (figures, non503, over5, missingRa) = DrillContext.LoadFigures(attempts);
        var acks = client.Recorder.Acks.ToList();
        var first201 = acks.Where(a => a.At >= dead).Select(a => a.At).DefaultIfEmpty(double.NaN).Min();
        var hs = health.Samples;
        var checks = new List<Check>
        {
            new("no 5xx other than 503", non503.ToString(CultureInfo.InvariantCulture), non503 == 0),
            new("no request without an answer within 5 s", over5.ToString(CultureInfo.InvariantCulture), over5 == 0),
            new("every 503 carries Retry-After", $"{missingRa} without", missingRa == 0),
            new("restarted API ready", double.IsNaN(ready) ? "never (90 s)" : $"{Stats.S(ready - restart.StartedAt)} after the restart", !double.IsNaN(ready)),
            new("service resumes: first 201 within 5 s of the API being ready again", double.IsNaN(first201) ? "never" : $"{Stats.S(first201 - restart.StartedAt)} after the restart ({Stats.S(first201 - ready)} from ready)", first201 - ready <= 5),
            new("acknowledged = stored exactly once", $"{verification.AcknowledgedStoredOnce} / {verification.Acknowledged}", verification.AcknowledgedStoredOnce == verification.Acknowledged && verification.Lost == 0 && verification.WrongId == 0),
            new("no report stored twice", $"{verification.Duplicates} duplicates", verification.Duplicates == 0),
            new("idempotency records agree with the reports", $"{verification.ReportsWithoutRecord} missing, {verification.RecordMismatch} mismatched", verification.ReportsWithoutRecord == 0 && verification.RecordMismatch == 0 && verification.KeysWithTwoRecords == 0),
            new("no report refused or abandoned", $"{verification.Rejected} refused, {verification.Abandoned} abandoned", verification.Rejected == 0 && verification.Abandoned == 0),
        };
        var sb = new StringBuilder();
        sb.AppendLine($"Load: {DrillWorkers} virtual clients, {Stats.F(DrillRate, "F0")} operations/s paced (as above), from {Rel(loadStart, killAt)} to {Rel(drained, killAt)} (times relative to the kill).");
        sb.AppendLine();
        sb.AppendLine("| event | time |");
        sb.AppendLine("|---|---|");
        sb.AppendLine($"| SIGKILL sent to the API (pid {api.Pid}) / process gone | {Rel(killAt, killAt)} / {Rel(dead, killAt)} |");
        sb.AppendLine($"| requests in flight at the kill | {inFlightAtKill} |");
        sb.AppendLine($"| API restarted (same command) | {Rel(restart.StartedAt, killAt)} |");
        sb.AppendLine($"| /health/ready 200 (restart-to-ready) | {(double.IsNaN(ready) ? "never" : Rel(ready, killAt))} (**{Stats.S(ready - restart.StartedAt)}** after the restart, {Stats.S(ready - killAt)} after the kill) |");
        sb.AppendLine($"| first 201 from the restarted API | {(double.IsNaN(first201) ? "never" : Rel(first201, killAt))} (**{Stats.S(first201 - restart.StartedAt)}** after the restart; {Stats.S(first201 - ready)} from /health/ready's first 200, which the drill polls every 100 ms) |");
        sb.AppendLine($"| API exit after SIGTERM at the end | {(exit is null ? "killed after 40 s" : $"exit code {exit}")} |");
        sb.AppendLine();
        sb.AppendLine(figures);
        sb.AppendLine();
        sb.AppendLine(verification.Markdown());
        sb.AppendLine();
        sb.AppendLine(activity.Markdown(killAt, "from the kill"));
        if (activity.DuringTimeouts(attempts) is { Length: > 0 } starved)
        {
            sb.AppendLine();
            sb.AppendLine(starved);
        }
        sb.AppendLine();
        sb.AppendLine(Timeline(attempts, hs, null, killAt, -3, (int)Math.Ceiling((double.IsNaN(ready) ? 0 : ready - killAt)) + 5));
        sb.AppendLine();
        sb.AppendLine(Check.Table(checks));
        sb.AppendLine();
        sb.AppendLine(DrillContext.LogSection(api.LogPath, restart.LogPath));
        return new DrillResult("kill", checks.All(c => c.Ok) && verification.Passed, sb.ToString().TrimEnd());
    }

    // ---------------------------------------------------------------------------------------------------------------
    /// <summary>
    /// In-flight requests made deterministic: the driver holds ACCESS EXCLUSIVE on plan_items, so every report post and
    /// every status/export read waits inside the API (seen in pg_stat_activity) when SIGTERM arrives. The lock is kept
    /// 0.8 s after the signal, then released; every request must end 2xx and the process exit 0 afterwards. (The API
    /// answers a request that waits more than 2 s on a lock with 503, by design: the whole hold stays under that.)
    /// </summary>
    public static async Task<DrillResult> SigtermAsync(DrillContext ctx)
    {
        const int posts = 6, statusReads = 3, exportReads = 5;
        const double holdAfterSignal = 0.8;
        var tag = DrillContext.NewTag("sigterm");
        var client = ctx.NewClient(tag);
        var api = await ctx.StartApiAsync("sigterm");
        using var hard = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var rng = new Random(5);
        // Warm up (JIT, pools), then a steady trickle that is also running when the signal comes.
        for (var i = 0; i < 20; i++) await client.OneOperationAsync(rng, hard.Token);
        for (var i = 0; i < 4; i++) await client.ReadAsync(Op.Export, rng, hard.Token);

        await using var holder = new NpgsqlConnection(ctx.Config.Db);
        await holder.OpenAsync();
        var tx = await holder.BeginTransactionAsync();
        await using (var lockCmd = new NpgsqlCommand("LOCK TABLE plan_items IN ACCESS EXCLUSIVE MODE", holder, tx)) await lockCmd.ExecuteNonQueryAsync();
        var lockedAt = Clock.Now;

        var inFlight = new List<Task<(Op Op, int Code, double End)>>();
        var limit = TimeSpan.FromSeconds(60);
        for (var i = 0; i < posts; i++)
        {
            var r = new Random(100 + i);
            inFlight.Add(Task.Run(async () =>
            {
                var key = client.NextKey();
                var idem = Guid.NewGuid().ToString("N");
                client.Recorder.Started.Enqueue(idem);
                using var request = client.PostRequest(key, key.Items[r.Next(key.Items.Length)], idem, client.NewReportJson(r, idem));
                var (code, _, replayed, body) = await client.SendAsync(Op.Post, request, limit, hard.Token);
                if (code == 201)
                {
                    client.Recorder.Acks.Enqueue(new Ack(idem, LoadClient.ReadId(body), Clock.Now, 1, replayed, lockedAt));
                }
                else
                {
                    client.Recorder.Rejected.Enqueue((idem, code, body.Length > 300 ? body[..300] : body));
                }
                return (Op.Post, code, Clock.Now);
            }));
        }
        for (var i = 0; i < statusReads; i++) inFlight.Add(Task.Run(async () => (Op.Status, await client.ReadAsync(Op.Status, new Random(), hard.Token, limit), Clock.Now)));
        for (var i = 0; i < exportReads; i++) inFlight.Add(Task.Run(async () => (Op.Export, await client.ReadAsync(Op.Export, new Random(200 + i), hard.Token, limit), Clock.Now)));

        // Wait (at most 15 s) until the API's connections wait on the lock: the requests are inside the API.
        var waiting = 0;
        var waitUntil = Clock.Now + 15;
        while (Clock.Now < waitUntil)
        {
            await using var probe = new NpgsqlConnection(ctx.Config.Db);
            await probe.OpenAsync();
            await using var count = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", probe);
            waiting = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            if (waiting >= inFlight.Count) break;
            await Task.Delay(50);
        }

        var signalAt = Clock.Now;
        api.Signal(ApiProcess.SIGTERM);
        await Task.Delay(TimeSpan.FromSeconds(0.3));
        // A new request after the signal: the listener should be closed (refused), never hang.
        int lateCode;
        using (var late = new HttpRequestMessage(HttpMethod.Get, "health/live")) lateCode = (await client.SendAsync(Op.Status, late, TimeSpan.FromSeconds(3), hard.Token)).Code;
        var remaining = holdAfterSignal - (Clock.Now - signalAt);
        if (remaining > 0) await Task.Delay(TimeSpan.FromSeconds(remaining));
        var aliveWhileBlocked = !api.Exited;
        var answeredBeforeRelease = inFlight.Count(t => t.IsCompleted);
        var releaseAt = Clock.Now;
        await tx.CommitAsync();
        var results = new List<(Op Op, int Code, double End)>();
        foreach (var t in inFlight) results.Add(await t);
        var exited = await api.WaitExitAsync(TimeSpan.FromSeconds(40));
        var exitAt = Clock.Now;
        int? exitCode = exited ? api.ExitCode : null;
        if (!exited) await api.StopAsync(TimeSpan.FromSeconds(1));
        var lastAnswer = results.Count == 0 ? double.NaN : results.Max(r => r.End);
        var verification = await Verification.RunAsync(ctx.Config.Db, client.Recorder, tag);
        ctx.Save("sigterm", client.Recorder);

        var ok = results.Count(r => r.Code is >= 200 and < 300);
        var codes = string.Join(", ", results.GroupBy(r => (r.Op, r.Code)).Select(g => $"{g.Key.Op} {Attempt.Name(g.Key.Code)}: {g.Count()}"));
        var checks = new List<Check>
        {
            new("requests in flight inside the API at SIGTERM", $"{waiting} waiting on the lock (of {inFlight.Count} sent)", waiting >= inFlight.Count),
            new("the process waits for them", aliveWhileBlocked ? $"still running {Stats.S(releaseAt - signalAt)} after SIGTERM" : "exited while requests were in flight", aliveWhileBlocked),
            new("every in-flight request finishes 2xx", $"{ok} / {results.Count} ({codes})", ok == results.Count && answeredBeforeRelease == 0),
            new("then the process exits with code 0", exitCode is null ? "did not exit within 40 s" : $"exit code {exitCode}, {Stats.S(exitAt - lastAnswer)} after the last answer", exitCode == 0),
            new("within the host shutdown timeout (30 s, the .NET default; not configured)", Stats.S(exitAt - signalAt), exited && exitAt - signalAt <= 30),
            new("acknowledged reports (the held ones and the warm-up's) stored exactly once", $"{verification.AcknowledgedStoredOnce} / {verification.Acknowledged}, {verification.Duplicates} duplicates", verification.Passed),
        };
        var sb = new StringBuilder();
        sb.AppendLine($"{posts} report posts, {statusReads} plan status reads and {exportReads} exports (xlsx/csv) were held inside the API by a lock the driver took on `plan_items`; SIGTERM was sent while they waited and the lock released {Stats.S(holdAfterSignal)} later.");
        sb.AppendLine();
        sb.AppendLine("| event | time |");
        sb.AppendLine("|---|---|");
        sb.AppendLine($"| SIGTERM (pid {api.Pid}) | +0.00 s |");
        sb.AppendLine($"| a new request 0.3 s after SIGTERM | {Attempt.Name(lateCode)} (listener closed: no new work accepted) |");
        sb.AppendLine($"| lock released | {Rel(releaseAt, signalAt)} |");
        sb.AppendLine($"| last in-flight answer | {Rel(lastAnswer, signalAt)} |");
        sb.AppendLine($"| process exited | {(exited ? Rel(exitAt, signalAt) : "no (killed)")} (exit code {(exitCode?.ToString(CultureInfo.InvariantCulture) ?? "–")}) |");
        sb.AppendLine();
        sb.AppendLine(Check.Table(checks));
        sb.AppendLine();
        sb.AppendLine(DrillContext.LogSection(api.LogPath));
        return new DrillResult("sigterm", checks.All(c => c.Ok), sb.ToString().TrimEnd());
    }

    // ---------------------------------------------------------------------------------------------------------------
    public static async Task<DrillResult> SoakAsync(DrillContext ctx)
    {
        var minutes = ctx.Config.SoakMinutes;
        var api = await ctx.StartApiAsync("soak");
        var idleRss = api.RssKib();

        // 1. A 20 s ramp, closed loop: 4 s at each of 2, 4, 8, 16 and 32 clients; the rate of 2xx answers over the
        //    last 3 s of each step. The highest is the machine's write+read rate for this mix.
        var rampClient = ctx.NewClient(DrillContext.NewTag("soak-ramp"));
        var steps = new List<(int Clients, double Rate, int Errors, double P99)>();
        foreach (var clients in new[] { 2, 4, 8, 16, 32 })
        {
            using var stepHard = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            var before = rampClient.Recorder.Attempts.Count;
            var start = Clock.Now;
            var run = LoadRun.ClosedLoop(rampClient, clients, stepHard.Token, seed: clients);
            await Task.Delay(TimeSpan.FromSeconds(4));
            var end = Clock.Now;
            await run.DrainAsync();
            var window = rampClient.Recorder.Attempts.Skip(before).Where(a => a.End >= start + 1 && a.End < end).ToList();
            var durations = window.Select(a => a.Duration).OrderBy(d => d).ToList();
            steps.Add((clients, window.Count(a => a.Ok) / (end - start - 1), window.Count(a => !a.Ok), Stats.Percentile(durations, 0.99)));
        }
        var max = steps.Max(s => s.Rate);
        var target = 0.7 * max;
        var rampRss = api.RssKib();

        // 2. The soak: paced at 70 % of that, sampling the API's RSS every 5 s.
        var tag = DrillContext.NewTag("soak");
        var client = ctx.NewClient(tag);
        var duration = minutes * 60;
        using var hard = new CancellationTokenSource(TimeSpan.FromSeconds(duration + 150));
        const int workers = 32;
        var rss = Poller.Start(TimeSpan.FromSeconds(5), _ => Task.FromResult((int)(api.RssKib() ?? 0)));
        var activity = ActivitySampler.Start(ctx.Config.Db, () => api.Exited ? null : api.Pid);
        var loadStart = Clock.Now;
        var load = LoadRun.Paced(client, workers, target, hard.Token, seed: 97);
        while (Clock.Now < loadStart + duration && !api.Exited) await Task.Delay(500);
        var loadEnd = Clock.Now;
        await load.DrainAsync();
        await rss.StopAsync();
        await activity.StopAsync();
        var exit = await api.StopAsync(TimeSpan.FromSeconds(40));
        var verification = await Verification.RunAsync(ctx.Config.Db, client.Recorder, tag);
        ctx.Save("soak", client.Recorder);
        ctx.Save("soak-ramp", rampClient.Recorder);

        var attempts = client.Recorder.Attempts.ToList();
        var (figures, _, _, _) = DrillContext.LoadFigures(attempts);
        var errors = attempts.Count(a => !a.Ok);
        var achieved = attempts.Count(a => a.End >= loadStart && a.End <= loadEnd) / (loadEnd - loadStart);
        var writes = attempts.Count(a => a.Op == Op.Post && a.End <= loadEnd) / (loadEnd - loadStart);

        var warm = Math.Min(60, duration / 3);
        var samples = rss.Samples.Where(s => s.Code > 0).Select(s => (T: s.T - loadStart, Mib: s.Code / 1024.0)).ToList();
        var baseline = Stats.Median(samples.Where(s => s.T >= warm && s.T < warm + 30).Select(s => s.Mib));
        var final = Stats.Median(samples.Where(s => s.T >= duration - 30 && s.T <= duration).Select(s => s.Mib));
        var growth = (final - baseline) / baseline;
        var after = samples.Where(s => s.T >= warm && s.T <= duration).ToList();
        var slope = Slope(after.Select(s => (s.T / 60, s.Mib)).ToList()); // MiB per minute
        var peak = samples.Count == 0 ? double.NaN : samples.Max(s => s.Mib);

        var checks = new List<Check>
        {
            new("zero errors (any answer other than 2xx, any timeout or connection error)", errors.ToString(CultureInfo.InvariantCulture), errors == 0),
            new($"memory flat after a {Stats.F(warm, "F0")} s warm-up: growth < 10 %", $"{Stats.F(baseline)} → {Stats.F(final)} MiB ({growth:+0.0%;-0.0%})", !double.IsNaN(growth) && growth < 0.10),
            new("the soak ran at the target rate (≥ 90 % of it)", $"{Stats.F(achieved)} of {Stats.F(target)} operations/s", achieved >= 0.9 * target),
            new("every acknowledged report stored exactly once", $"{verification.AcknowledgedStoredOnce} / {verification.Acknowledged}, {verification.Duplicates} duplicates", verification.Passed),
            new("the API stopped cleanly on SIGTERM", exit is null ? "killed" : $"exit code {exit}", exit == 0),
        };

        var sb = new StringBuilder();
        sb.AppendLine($"Ramp (20 s, closed loop, the same mix: {LoadClient.WriteShare:P0} report posts, the rest reads):");
        sb.AppendLine();
        sb.AppendLine("| clients | 2xx answers/s | errors | p99 |");
        sb.AppendLine("|---|---|---|---|");
        foreach (var s in steps) sb.AppendLine($"| {s.Clients} | {Stats.F(s.Rate)} | {s.Errors} | {Stats.Ms(s.P99)} |");
        sb.AppendLine();
        sb.AppendLine($"Highest rate: **{Stats.F(max)} operations/s**; soak target 70 %: **{Stats.F(target)} operations/s** for {Stats.F(minutes, "0.##")} min with {workers} paced clients.");
        sb.AppendLine();
        sb.AppendLine("| figure | value |");
        sb.AppendLine("|---|---|");
        sb.AppendLine($"| achieved rate | {Stats.F(achieved)} operations/s ({Stats.F(writes)} report posts/s) |");
        sb.AppendLine($"| RSS idle after start / after the ramp | {Stats.F((idleRss ?? 0) / 1024.0)} / {Stats.F((rampRss ?? 0) / 1024.0)} MiB |");
        sb.AppendLine($"| RSS after warm-up (median of {Stats.F(warm, "F0")}–{Stats.F(warm + 30, "F0")} s) | {Stats.F(baseline)} MiB |");
        sb.AppendLine($"| RSS at the end (median of the last 30 s) | {Stats.F(final)} MiB |");
        sb.AppendLine($"| growth after warm-up | **{growth:+0.0%;-0.0%}** (trend {Stats.F(slope, "+0.00;-0.00")} MiB/min, peak {Stats.F(peak)} MiB) |");
        sb.AppendLine();
        sb.AppendLine(figures);
        sb.AppendLine();
        sb.AppendLine(verification.Markdown());
        sb.AppendLine();
        sb.AppendLine("Every 30 s of the soak:");
        sb.AppendLine();
        sb.AppendLine("| from | operations/s | errors | report post p50 / p99 / max | read p99 | RSS (MiB) | oldest transaction |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        for (var w = 0.0; w < duration; w += 30)
        {
            double w0 = loadStart + w, w1 = Math.Min(loadStart + w + 30, loadEnd);
            var inWindow = attempts.Where(a => a.Start >= w0 && a.Start < w1).ToList();
            var postTimes = inWindow.Where(a => a.Op == Op.Post).Select(a => a.Code == Attempt.Timeout ? 5.0 : a.Duration).OrderBy(d => d).ToList();
            var readTimes = inWindow.Where(a => a.Op != Op.Post).Select(a => a.Code == Attempt.Timeout ? 5.0 : a.Duration).OrderBy(d => d).ToList();
            var mem = samples.Where(x => x.T >= w && x.T < w + 30).Select(x => x.Mib).DefaultIfEmpty(double.NaN).Last();
            double oldest;
            lock (activity.Samples) oldest = activity.Samples.Where(x => x.T >= w0 && x.T < w1).Select(x => x.OldestAge).DefaultIfEmpty(double.NaN).Max();
            sb.AppendLine($"| {Stats.F(w, "F0")} s | {Stats.F(inWindow.Count / Math.Max(1, w1 - w0))} | {inWindow.Count(a => !a.Ok)} | {Stats.Ms(Stats.Percentile(postTimes, 0.5))} / {Stats.Ms(Stats.Percentile(postTimes, 0.99))} / {Stats.Ms(postTimes.Count == 0 ? double.NaN : postTimes[^1])} | {Stats.Ms(Stats.Percentile(readTimes, 0.99))} | {Stats.F(mem, "F0")} | {Stats.S(oldest)} |");
        }
        sb.AppendLine();
        sb.AppendLine(activity.Markdown(loadStart, "from the soak's start"));
        if (activity.DuringTimeouts(attempts) is { Length: > 0 } starved)
        {
            sb.AppendLine();
            sb.AppendLine(starved);
        }
        sb.AppendLine();
        sb.AppendLine("RSS every 30 s (MiB): " + string.Join(", ", samples.Where((_, i) => i % 6 == 0).Select(s => $"{Stats.F(s.T, "F0")} s {Stats.F(s.Mib, "F0")}")));
        sb.AppendLine();
        sb.AppendLine(Check.Table(checks));
        sb.AppendLine();
        sb.AppendLine(DrillContext.LogSection(api.LogPath));
        return new DrillResult("soak", checks.All(c => c.Ok), sb.ToString().TrimEnd());
    }

    private static double Slope(List<(double X, double Y)> points)
    {
        if (points.Count < 2) return double.NaN;
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - mx) * (p.X - mx));
        return sxx == 0 ? double.NaN : points.Sum(p => (p.X - mx) * (p.Y - my)) / sxx;
    }
}
