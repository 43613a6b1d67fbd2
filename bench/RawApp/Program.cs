using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;
using NpgsqlTypes;
using PlanApi.Common;
using PlanApi.Domain;
using PlanApi.Features.Agencies;
using PlanApi.Features.Changes;
using PlanApi.Features.Items;
using PlanApi.Features.ProgressReports;
using PlanApi.Features.Status;

namespace PlanApi.Bench.RawApp;

/// <summary>
/// The benchmark's references in one tiny Kestrel app (minimal API, no MVC, no EF, no Mediator):
/// <list type="bullet">
/// <item><c>/raw/...</c>: each scenario's SQL, exactly as EF Core sends it (captured from the API's command log, see
/// bench/sql/), run with plain Npgsql on a data source with the API's connection string, results read by ordinal into the
/// API's own DTO records and written with the API's JSON options, so the answer has the same bytes.</item>
/// <item><c>/json</c>: a constant small JSON object, the HTTP ceiling of Kestrel on this machine.</item>
/// </list>
/// </summary>
public static class RawProgram
{
    private static readonly byte[] Hello = """{"message":"Hello, World!"}"""u8.ToArray();

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var connection = builder.Configuration.GetConnectionString("PlanDb")
            ?? throw new InvalidOperationException("Set ConnectionStrings__PlanDb.");
        // The API's session settings (lock_timeout, jit=off, statements auto-prepared): the SQL runs as the API runs it.
        var db = NpgsqlDataSource.Create(PlanApi.Data.DataServices.WithSessionDefaults(connection));
        var app = builder.Build();
        var json = ETags.Json;

        app.MapGet("/json", (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "application/json";
            ctx.Response.ContentLength = Hello.Length;
            return ctx.Response.Body.WriteAsync(Hello).AsTask();
        });

        app.MapGet("/raw/plans/{planId:guid}/status", async (HttpContext ctx, Guid planId) =>
        {
            var dto = await Queries.PlanStatusAsync(db, planId, ctx.RequestAborted);
            if (dto is null) { ctx.Response.StatusCode = 404; return; }
            // The API's conditional GET: serialize, hash, compare with If-None-Match.
            var bytes = ETags.Serialize(dto, typeof(PlanStatusDto));
            var etag = ETags.For(bytes);
            ctx.Response.Headers.ETag = etag;
            if (ETags.Matches(ctx.Request.Headers.IfNoneMatch, etag, weak: true)) { ctx.Response.StatusCode = 304; return; }
            await WriteJsonAsync(ctx, bytes);
        });

        app.MapGet("/raw/plans/{planId:guid}/items/{ordinal:int}", async (HttpContext ctx, Guid planId, int ordinal) =>
        {
            var item = await Queries.ItemAsync(db, planId, ordinal, ctx.RequestAborted);
            if (item is null) { ctx.Response.StatusCode = 404; return; }
            var bytes = ETags.Serialize(item, typeof(PlanItemDto));
            ctx.Response.Headers.ETag = ETags.For(bytes);
            await WriteJsonAsync(ctx, bytes);
        });

        app.MapGet("/raw/agencies/{code}/items", async (HttpContext ctx, string code, int? limit, int? offset) =>
        {
            var page = await Queries.AgencyItemsAsync(db, code, limit ?? 20, offset ?? 0, ctx.RequestAborted);
            if (page is null) { ctx.Response.StatusCode = 404; return; }
            await WriteJsonAsync(ctx, JsonSerializer.SerializeToUtf8Bytes(WithLinks(page, ctx.Request), json));
        });

        app.MapGet("/raw/plans/{planId:guid}/items", async (HttpContext ctx, Guid planId, string? q, int? limit, int? offset) =>
        {
            var page = await Queries.PlanItemsSearchAsync(db, planId, q, limit ?? 20, offset ?? 0, ctx.RequestAborted);
            if (page is null) { ctx.Response.StatusCode = 404; return; }
            await WriteJsonAsync(ctx, JsonSerializer.SerializeToUtf8Bytes(WithLinks(page, ctx.Request), json));
        });

        app.MapGet("/raw/changes", async (HttpContext ctx, long? after, int? limit) =>
        {
            var page = await Queries.ChangesAsync(db, after ?? 0, limit ?? 100, ctx.RequestAborted);
            await WriteJsonAsync(ctx, JsonSerializer.SerializeToUtf8Bytes(page, json));
        });

        app.MapPost("/raw/plans/{planId:guid}/items/{ordinal:int}/progress-reports", async (HttpContext ctx, Guid planId, int ordinal) =>
            await PostReport.HandleAsync(db, ctx, planId, ordinal));

        app.Run();
    }

    private static Task WriteJsonAsync(HttpContext ctx, byte[] bytes)
    {
        ctx.Response.ContentType = "application/json; charset=utf-8";
        ctx.Response.ContentLength = bytes.Length;
        return ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted).AsTask();
    }

    private static Page<T> WithLinks<T>(Page<T> page, HttpRequest request)
    {
        if (!page.HasMore) return page;
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query["offset"] = (page.Offset + page.Limit).ToString(System.Globalization.CultureInfo.InvariantCulture);
        query["limit"] = page.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return page with
        {
            Next = QueryHelpers.AddQueryString(request.PathBase + request.Path,
                query.SelectMany(kv => kv.Value.Select(v => KeyValuePair.Create(kv.Key, v)))),
        };
    }
}

/// <summary>The read scenarios' SQL, as EF Core 10 sends it for the API's handlers.</summary>
internal static class Queries
{
    public static async Task<PlanStatusDto?> PlanStatusAsync(NpgsqlDataSource db, Guid planId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        Guid id; string number, title; PlanLifecycle lifecycle; DateTimeOffset updatedAt;
        await using (var cmd = new NpgsqlCommand(Sql.StatusPlan, conn))
        {
            cmd.Parameters.AddWithValue("query_PlanId", planId);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return null;
            id = r.GetGuid(0); number = r.GetString(1); title = r.GetString(2);
            lifecycle = EnumNames<PlanLifecycle>.Parse(r.GetString(3)); updatedAt = r.GetFieldValue<DateTimeOffset>(4);
        }
        var items = new List<(int Ordinal, int Quarter, string Content, ItemStatus Status, DateOnly DueEnd, string? DueText, DateOnly? CompletedOn,
            DateTimeOffset? LastReportedAt, DateTimeOffset UpdatedAt, AgencyRefDto Lead)>();
        await using (var cmd = new NpgsqlCommand(Sql.StatusItems, conn))
        {
            cmd.Parameters.AddWithValue("plan_Id", id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                items.Add((r.GetInt32(0), r.GetInt32(1), r.GetString(2), EnumNames<ItemStatus>.Parse(r.GetString(3)),
                    r.GetFieldValue<DateOnly>(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6),
                    r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7), r.GetFieldValue<DateTimeOffset>(8),
                    new AgencyRefDto(r.GetString(9), r.GetString(10), r.IsDBNull(11) ? null : r.GetString(11))));
            }
        }

        // The same summary as GetPlanStatusHandler.
        var today = PlanCalendar.Today(TimeProvider.System);
        bool Overdue(ItemStatus s, DateOnly end) => ItemRules.IsOverdue(s, end, today);
        var byStatus = StatusCounts.Of(items.Select(i => i.Status));
        var countable = items.Count - byStatus.Cancelled;
        var lastReport = items.Max(i => i.LastReportedAt);
        var asOf = items.Select(i => i.UpdatedAt).Append(updatedAt).Max();
        return new PlanStatusDto(
            id, number, title, lifecycle, asOf, today, items.Count,
            countable == 0 ? 0 : Math.Round(100m * byStatus.Completed / countable, 1),
            byStatus,
            items.Count(i => Overdue(i.Status, i.DueEnd)),
            items.Count(i => ItemRules.CompletedLate(i.Status, i.CompletedOn, i.DueEnd)),
            items.GroupBy(i => i.Quarter).OrderBy(g => g.Key)
                .Select(g => new QuarterStatus(g.Key, g.Count(), g.Count(i => i.Status == ItemStatus.Completed), g.Count(i => Overdue(i.Status, i.DueEnd))))
                .ToList(),
            items.GroupBy(i => i.Lead.Code)
                .Select(g => new LeadStatus(g.First().Lead, g.Count(), g.Count(i => i.Status == ItemStatus.Completed), g.Count(i => Overdue(i.Status, i.DueEnd))))
                .OrderByDescending(l => l.Total).ThenBy(l => l.Agency.Code)
                .ToList(),
            items.Where(i => Overdue(i.Status, i.DueEnd))
                .Select(i => new OverdueItem(i.Ordinal, i.Content, i.Lead, i.Status, i.DueEnd, i.DueText, ItemRules.DaysOverdue(i.Status, i.DueEnd, today)))
                .OrderByDescending(i => i.DaysOverdue).ThenBy(i => i.Ordinal)
                .ToList(),
            items.Where(i => !ItemRules.IsClosed(i.Status) && i.DueEnd >= today && i.DueEnd <= today.AddDays(30))
                .Select(i => new DueSoonItem(i.Ordinal, i.Content, i.Lead, i.Status, i.DueEnd, i.DueText))
                .OrderBy(i => i.DueEnd).ThenBy(i => i.Ordinal)
                .ToList(),
            lastReport, []);
    }

    public static async Task<PlanItemDto?> ItemAsync(NpgsqlDataSource db, Guid planId, int ordinal, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(Sql.Item, conn);
        cmd.Parameters.AddWithValue("planId", planId);
        cmd.Parameters.AddWithValue("ordinal", ordinal);
        return (await ItemReader.ReadItemAsync(cmd, ct)).SingleOrDefault();
    }

    public static async Task<Page<PlanItemDto>?> AgencyItemsAsync(NpgsqlDataSource db, string code, int limit, int offset, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        Guid agencyId;
        await using (var cmd = new NpgsqlCommand(Sql.AgencyId, conn))
        {
            cmd.Parameters.AddWithValue("query_Code", code);
            if (await cmd.ExecuteScalarAsync(ct) is not Guid found) return null;
            agencyId = found;
        }
        int total;
        await using (var cmd = new NpgsqlCommand(Sql.AgencyItemsCount, conn))
        {
            cmd.Parameters.AddWithValue("agencyId", agencyId);
            total = (int)(await cmd.ExecuteScalarAsync(ct))!;
        }
        var items = new List<PlanItemDto>();
        if (total > offset)
        {
            await using var cmd = new NpgsqlCommand(Sql.AgencyItemsPage, conn);
            cmd.Parameters.AddWithValue("agencyId", agencyId);
            cmd.Parameters.AddWithValue("p3", limit);
            cmd.Parameters.AddWithValue("p", offset);
            items = await ItemReader.ReadAsync(cmd, ct, shift: 2);
        }
        return new Page<PlanItemDto>(items, total, limit, offset);
    }

    public static async Task<Page<PlanItemDto>?> PlanItemsSearchAsync(NpgsqlDataSource db, Guid planId, string? q, int limit, int offset, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using (var cmd = new NpgsqlCommand(Sql.PlanExists, conn))
        {
            cmd.Parameters.AddWithValue("query_PlanId", planId);
            if (!(bool)(await cmd.ExecuteScalarAsync(ct))!) return null;
        }
        var key = SearchText.Fold(q);
        int total;
        await using (var cmd = new NpgsqlCommand(Sql.SearchCount, conn))
        {
            cmd.Parameters.AddWithValue("query_PlanId", planId);
            cmd.Parameters.AddWithValue("key", key);
            total = (int)(await cmd.ExecuteScalarAsync(ct))!;
        }
        var items = new List<PlanItemDto>();
        if (total > offset)
        {
            await using var cmd = new NpgsqlCommand(Sql.SearchPage, conn);
            cmd.Parameters.AddWithValue("key", key);
            cmd.Parameters.AddWithValue("query_PlanId", planId);
            cmd.Parameters.AddWithValue("p6", limit);
            cmd.Parameters.AddWithValue("p", offset);
            items = await ItemReader.ReadAsync(cmd, ct);
        }
        return new Page<PlanItemDto>(items, total, limit, offset);
    }

    public static async Task<ChangePage> ChangesAsync(NpgsqlDataSource db, long after, int limit, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(Sql.Changes, conn);
        cmd.Parameters.AddWithValue("query_After", after);
        cmd.Parameters.AddWithValue("p", limit + 1);
        var rows = new List<ChangeDto>(limit + 1);
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                rows.Add(new ChangeDto(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3), r.GetString(4),
                    r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6)));
            }
        }
        var page = rows.Take(limit).ToList();
        var cursor = page.Count > 0 ? page[^1].Sequence : after;
        return new ChangePage(page, cursor, $"/api/v1/changes?after={cursor}&limit={limit}", rows.Count > limit);
    }
}

/// <summary>Reads EF's single-query item projection: one row per coordinator, grouped by the item id (column 9).</summary>
internal static class ItemReader
{
    /// <param name="shift">Columns the statement selects between the lead's role and the item's id (the agency page's
    /// involvement keys).</param>
    public static async Task<List<PlanItemDto>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct, int shift = 0)
    {
        var today = PlanCalendar.Today(TimeProvider.System);
        var items = new List<PlanItemDto>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        Guid? current = null;
        PlanItemDto? dto = null;
        List<AgencyRefDto>? coordinators = null;
        while (await r.ReadAsync(ct))
        {
            var id = r.GetGuid(9 + shift);
            if (current != id)
            {
                if (dto is not null) items.Add(dto.AsOf(today));
                current = id;
                coordinators = [];
                // Label and group are not read (the generated store has none): the reference does that much less work.
                dto = new PlanItemDto(
                    r.GetGuid(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(2).ToString(System.Globalization.CultureInfo.InvariantCulture), null, r.GetString(4),
                    new AgencyRefDto(r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7)),
                    r.IsDBNull(8) ? null : r.GetString(8),
                    coordinators,
                    r.GetBoolean(18 + shift),
                    r.IsDBNull(19 + shift) ? null : r.GetString(19 + shift),
                    new DueDto(r.IsDBNull(20 + shift) ? null : r.GetInt32(20 + shift), r.IsDBNull(21 + shift) ? null : r.GetInt32(21 + shift),
                        r.IsDBNull(22 + shift) ? null : EnumNames<MonthPart>.Parse(r.GetString(22 + shift)), r.IsDBNull(23 + shift) ? null : r.GetString(23 + shift),
                        r.GetFieldValue<DateOnly>(24 + shift), r.GetFieldValue<DateOnly>(25 + shift), r.GetBoolean(26 + shift)),
                    EnumNames<ItemStatus>.Parse(r.GetString(27 + shift)), r.GetInt32(28 + shift), false, 0, false,
                    r.IsDBNull(29 + shift) ? null : r.GetFieldValue<DateOnly>(29 + shift),
                    r.IsDBNull(30 + shift) ? null : r.GetFieldValue<DateTimeOffset>(30 + shift),
                    r.IsDBNull(31 + shift) ? null : r.GetGuid(31 + shift),
                    r.GetFieldValue<DateTimeOffset>(32 + shift), r.GetFieldValue<DateTimeOffset>(33 + shift), r.GetFieldValue<uint>(34 + shift));
            }
            if (!r.IsDBNull(12 + shift)) coordinators!.Add(new AgencyRefDto(r.GetString(12 + shift), r.GetString(13 + shift), r.IsDBNull(14 + shift) ? null : r.GetString(14 + shift)));
        }
        if (dto is not null) items.Add(dto.AsOf(today));
        return items;
    }

    /// <summary>
    /// Reads <see cref="PlanItemDto.Projection"/> as EF sends it for one item (<see cref="Sql.Item"/>): every field the
    /// API shows (label, group, due kind and recurrence, overdue days), one row per coordinator.
    /// </summary>
    public static async Task<List<PlanItemDto>> ReadItemAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var today = PlanCalendar.Today(TimeProvider.System);
        var items = new List<PlanItemDto>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        Guid? current = null;
        PlanItemDto? dto = null;
        List<AgencyRefDto>? coordinators = null;
        while (await r.ReadAsync(ct))
        {
            var id = r.GetGuid(13);
            if (current != id)
            {
                if (dto is not null) items.Add(dto.AsOf(today));
                current = id;
                coordinators = [];
                var ordinal = r.GetInt32(2);
                DueKind? kind = r.IsDBNull(31) ? null : EnumNames<DueKind>.Parse(r.GetString(31));
                dto = new PlanItemDto(
                    r.GetGuid(0), r.GetString(1), ordinal, r.GetInt32(3),
                    r.IsDBNull(4) ? ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture) : r.GetString(4),
                    r.GetBoolean(5) ? null : new ItemGroupDto(r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7)),
                    r.GetString(8),
                    new AgencyRefDto(r.GetString(9), r.GetString(10), r.IsDBNull(11) ? null : r.GetString(11)),
                    r.IsDBNull(12) ? null : r.GetString(12),
                    coordinators,
                    r.GetBoolean(22),
                    r.IsDBNull(23) ? null : r.GetString(23),
                    new DueDto(r.IsDBNull(24) ? null : r.GetInt32(24), r.IsDBNull(25) ? null : r.GetInt32(25),
                        r.IsDBNull(26) ? null : EnumNames<MonthPart>.Parse(r.GetString(26)), r.IsDBNull(27) ? null : r.GetString(27),
                        r.GetFieldValue<DateOnly>(28), r.GetFieldValue<DateOnly>(29), r.GetBoolean(30), kind,
                        r.IsDBNull(32) ? null : r.GetFieldValue<DateOnly>(32),
                        r.GetBoolean(33) ? null : new DueRecurrence(EnumNames<DueFrequency>.Parse(r.GetString(34)),
                            r.IsDBNull(35) ? null : r.GetInt32(35), r.IsDBNull(36) ? null : r.GetInt32(36))),
                    EnumNames<ItemStatus>.Parse(r.GetString(37)), r.GetInt32(38), false, 0, false,
                    r.IsDBNull(39) ? null : r.GetFieldValue<DateOnly>(39),
                    r.IsDBNull(40) ? null : r.GetFieldValue<DateTimeOffset>(40),
                    r.IsDBNull(41) ? null : r.GetGuid(41),
                    r.GetFieldValue<DateTimeOffset>(42), r.GetFieldValue<DateTimeOffset>(43), r.GetFieldValue<uint>(44),
                    null,
                    r.IsDBNull(45) ? null : r.GetFieldValue<NpgsqlTypes.NpgsqlRange<DateOnly>[]>(45));
            }
            if (!r.IsDBNull(16)) coordinators!.Add(new AgencyRefDto(r.GetString(16), r.GetString(17), r.IsDBNull(18) ? null : r.GetString(18)));
        }
        if (dto is not null) items.Add(dto.AsOf(today));
        return items;
    }
}

/// <summary>
/// POST of a progress report with an Idempotency-Key, as the API runs it once warm. The X-Api-Key's client and the
/// reporting agency come from memory (each read once with the API's statement, then kept, as CredentialCache and
/// AgencyDirectory keep them); then one transaction in four round trips: the Idempotency-Key's lock and stored record
/// (idempotency_claim, sent with BEGIN), the item locked FOR UPDATE with its plan, lead and coordinators, one batch
/// (the audit entry whose "after" is the report's JSON, the report's and the item's change records, the item's UPDATE
/// of the columns that changed, the report, the idempotency record with an empty body pointing at the audit entry),
/// and the commit. The report and the item (for its feed version) are built from what was read, as the API builds them.
/// </summary>
/// <remarks>The reporter must lead or co-operate on the item itself (the benchmark's targets do): the API's other
/// ways to report (a member of a set the item names, a successor) are not followed.</remarks>
internal static class PostReport
{
    private sealed record Caller(Guid KeyId, string ClientName, string? AgencyCode);

    private sealed record Reporter(Guid Id, AgencyRefDto Ref, DateOnly? ValidUntil);

    private static readonly ConcurrentDictionary<string, Caller> Callers = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Reporter> Reporters = new(StringComparer.Ordinal);

    /// <summary>The locking query's columns by their name in its select list ("s.status", "s0.code").</summary>
    private static readonly Dictionary<string, int> Column = Sql.ItemForUpdate["SELECT ".Length..Sql.ItemForUpdate.IndexOf('\n')]
        .Split(", ").Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);

    private static int C(string name) => Column[name];

    public static async Task HandleAsync(NpgsqlDataSource db, HttpContext ctx, Guid planId, int ordinal)
    {
        var ct = ctx.RequestAborted;
        var apiKey = ctx.Request.Headers["X-Api-Key"].ToString();
        var idempotencyKey = ctx.Request.Headers["Idempotency-Key"].ToString();
        if (apiKey.Length == 0) { ctx.Response.StatusCode = 401; return; }
        if (idempotencyKey.Length == 0) { ctx.Response.StatusCode = 400; return; }
        using var buffer = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(buffer, ct);
        var bodyBytes = buffer.ToArray();
        var body = JsonSerializer.Deserialize<ProgressReportBody>(bodyBytes, ETags.Json);
        if (body is null || string.IsNullOrWhiteSpace(body.Summary)) { ctx.Response.StatusCode = 400; return; }
        var requestHash = RequestHash(ctx.Request, bodyBytes);

        await using var conn = await db.OpenConnectionAsync(ct);
        var keyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
        if (!Callers.TryGetValue(keyHash, out var caller))
        {
            caller = await ReadCallerAsync(conn, keyHash, ct);
            if (caller is null) { ctx.Response.StatusCode = 401; return; }
            Callers[keyHash] = caller;
        }
        if (caller.AgencyCode is not { } agencyCode) { ctx.Response.StatusCode = 422; return; }
        var scope = $"key:{caller.KeyId}";
        var today = PlanCalendar.Today(TimeProvider.System);

        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, ct);
        try
        {
            await using (var cmd = new NpgsqlCommand(Sql.IdempotencyClaim, conn, tx))
            {
                cmd.Parameters.AddWithValue("p0", scope);
                cmd.Parameters.AddWithValue("p1", idempotencyKey);
                await using var r = await cmd.ExecuteReaderAsync(ct);
                if (await r.ReadAsync(ct))
                {
                    if (r.GetString(5) != requestHash) { ctx.Response.StatusCode = 422; return; }
                    // The stored answer (the audit entry's "after", as jsonb orders it) read back into the report.
                    var stored = JsonSerializer.Deserialize<ProgressReportDto>(r.GetFieldValue<byte[]>(3), ETags.Json)!;
                    ctx.Response.StatusCode = 201;
                    ctx.Response.Headers["Idempotent-Replayed"] = "true";
                    await WriteJsonAsync(ctx, ETags.Serialize(stored, typeof(ProgressReportDto)));
                    return;
                }
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            ctx.Response.StatusCode = 409;
            return;
        }
        if (!Reporters.TryGetValue(agencyCode, out var reporter))
        {
            reporter = await ReadReporterAsync(conn, tx, agencyCode, ct);
            if (reporter is null) { ctx.Response.StatusCode = 422; return; }
            Reporters[agencyCode] = reporter;
        }
        if (reporter.ValidUntil is { } ended && ended < today) { ctx.Response.StatusCode = 422; return; }

        Locked? locked;
        try
        {
            locked = await LockItemAsync(conn, tx, planId, ordinal, reporter.Id, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            ctx.Response.StatusCode = 503;
            return;
        }
        if (locked is null) { ctx.Response.StatusCode = 404; return; }
        if (!locked.Published) { ctx.Response.StatusCode = 422; return; }
        if (!locked.Involved) { ctx.Response.StatusCode = 403; return; }

        // The report, and the item as PlanItem.Apply leaves it (PostgreSQL keeps microseconds).
        var now = DateTimeOffset.UtcNow;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        var before = locked.Item;
        var evidence = body.Evidence is { } ev && (ev.DocumentNumber is not null || ev.DocumentDate is not null || ev.Url is not null)
            ? new EvidenceDto(ev.DocumentNumber?.Trim(), ev.DocumentDate, ev.Url?.Trim())
            : null;
        var report = new ProgressReportDto(Guid.CreateVersion7(), planId, ordinal, reporter.Ref, body.Status,
            body.PercentComplete ?? DefaultPercent(body.Status, before.PercentComplete), body.Summary.Trim(), evidence,
            body.PeriodFrom, body.PeriodTo, now);
        var after = before;
        if (locked.Recurrence is { } every)
        {
            var old = before.OverdueDays ?? [];
            var span = new ReportSpan(report.PeriodFrom, report.PeriodTo, PlanCalendar.DayOf(now));
            var all = DueOccurrences.Of(every, before.Due.Start.Year);
            after = after with
            {
                OverdueDays = OverdueDays.Of(all, k => !OverdueDays.Includes(old, all[k].Due.AddDays(1)) || DueOccurrences.Covers(span, all[k])),
            };
        }
        if (before.LastReportedAt is not { } last || now >= last)
        {
            after = after with
            {
                Status = report.Status, PercentComplete = report.PercentComplete, LatestReportId = report.Id, LastReportedAt = now,
                CompletedOn = report.Status == ItemStatus.Completed ? PlanCalendar.DayOf(now) : null,
            };
        }
        after = (after with { UpdatedAt = now }).AsOf(today);

        var reportJson = ETags.Serialize(report, typeof(ProgressReportDto));
        var itemJson = ETags.Serialize(after, typeof(PlanItemDto));
        var auditId = Guid.CreateVersion7();
        var recordedAt = DateTimeOffset.UtcNow;
        var reportKey = report.Id.ToString();
        await using (var batch = new NpgsqlBatch(conn, tx))
        {
            var audit = new NpgsqlBatchCommand(Sql.InsertAudit);
            audit.Parameters.AddWithValue("p0", auditId);
            Varchar(audit, "p1", "create");
            audit.Parameters.AddWithValue("p2", NpgsqlDbType.Jsonb, Encoding.UTF8.GetString(reportJson));
            Varchar(audit, "p3", agencyCode);
            audit.Parameters.AddWithValue("p4", NpgsqlDbType.Jsonb, DBNull.Value);
            Varchar(audit, "p5", scope);
            Varchar(audit, "p6", caller.ClientName);
            audit.Parameters.AddWithValue("p7", caller.KeyId);
            audit.Parameters.AddWithValue("p8", recordedAt);
            Varchar(audit, "p9", reportKey);
            Varchar(audit, "p10", "progress_report");
            Varchar(audit, "p11", Activity.Current?.TraceId.ToHexString() ?? ActivityTraceId.CreateRandom().ToHexString());
            batch.BatchCommands.Add(audit);
            batch.BatchCommands.Add(Change("create", $"/api/v1/progress-reports/{reportKey}", recordedAt, reportKey, "progress_report", ETags.For(reportJson)));
            batch.BatchCommands.Add(Change("update", $"/api/v1/plans/{planId}/items/{ordinal}", recordedAt, $"{planId}/{ordinal}", "plan_item", ETags.For(itemJson)));
            batch.BatchCommands.Add(Update(locked.Id, before, after));
            var insert = new NpgsqlBatchCommand(Sql.InsertReport);
            insert.Parameters.AddWithValue("p33", report.Id);
            insert.Parameters.AddWithValue("p34", NpgsqlDbType.Date, (object?)evidence?.DocumentDate ?? DBNull.Value);
            insert.Parameters.AddWithValue("p35", NpgsqlDbType.Varchar, (object?)evidence?.DocumentNumber ?? DBNull.Value);
            insert.Parameters.AddWithValue("p36", NpgsqlDbType.Varchar, (object?)evidence?.Url ?? DBNull.Value);
            insert.Parameters.AddWithValue("p37", NpgsqlDbType.Uuid, DBNull.Value);
            insert.Parameters.AddWithValue("p38", report.PercentComplete);
            insert.Parameters.AddWithValue("p39", NpgsqlDbType.Date, (object?)report.PeriodFrom ?? DBNull.Value);
            insert.Parameters.AddWithValue("p40", NpgsqlDbType.Date, (object?)report.PeriodTo ?? DBNull.Value);
            insert.Parameters.AddWithValue("p41", locked.Id);
            insert.Parameters.AddWithValue("p42", now);
            insert.Parameters.AddWithValue("p43", reporter.Id);
            Varchar(insert, "p44", EnumNames<ItemStatus>.ToName(report.Status));
            Varchar(insert, "p45", report.Summary);
            batch.BatchCommands.Add(insert);
            var stored = new NpgsqlBatchCommand(Sql.InsertIdempotency);
            Varchar(stored, "p46", idempotencyKey);
            Varchar(stored, "p47", scope);
            stored.Parameters.AddWithValue("p48", auditId);
            stored.Parameters.AddWithValue("p49", Array.Empty<byte>());
            stored.Parameters.AddWithValue("p50", DateTimeOffset.UtcNow);
            Varchar(stored, "p51", requestHash);
            batch.BatchCommands.Add(stored);
            await using (var r = await batch.ExecuteReaderAsync(ct))
            {
                // The change records' sequences and the item's new row version, read as EF reads them.
                do { while (await r.ReadAsync(ct)) { } } while (await r.NextResultAsync(ct));
            }
            if (batch.BatchCommands[3].RecordsAffected != 1) { ctx.Response.StatusCode = 409; return; }
        }
        await tx.CommitAsync(ct);
        ctx.Response.StatusCode = 201;
        ctx.Response.Headers.Location = $"{ctx.Request.Scheme}://{ctx.Request.Host}/api/v1/progress-reports/{reportKey}";
        await WriteJsonAsync(ctx, reportJson);
    }

    /// <summary>The locked item as its answer shows it, before the report.</summary>
    private sealed record Locked(Guid Id, PlanItemDto Item, DueRecurrence? Recurrence, bool Published, bool Involved);

    private static async Task<Locked?> LockItemAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid planId, int ordinal, Guid agencyId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Sql.ItemForUpdate, conn, tx);
        cmd.Parameters.AddWithValue("p0", planId);
        cmd.Parameters.AddWithValue("p1", ordinal);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        T? Get<T>(string name) => r.IsDBNull(C(name)) ? default : r.GetFieldValue<T>(C(name));
        E? Parse<E>(string name) where E : struct, Enum => r.IsDBNull(C(name)) ? null : EnumNames<E>.Parse(r.GetString(C(name)));
        var itemOrdinal = r.GetInt32(C("s.ordinal"));
        var kind = Parse<DueKind>("s.due_kind");
        var recurrence = Parse<DueFrequency>("s.due_frequency") is { } frequency
            ? new DueRecurrence(frequency, Get<int?>("s.due_every_month"), Get<int?>("s.due_every_day"))
            : null;
        var start = r.GetFieldValue<DateOnly>(C("s.due_start"));
        var item = new PlanItemDto(
            r.GetGuid(C("s.plan_id")), r.GetString(C("s.number")), itemOrdinal, r.GetInt32(C("s.quarter")),
            Get<string>("s.label") ?? itemOrdinal.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Get<string>("s.group_title") is { } groupTitle ? new ItemGroupDto(Get<string>("s.group_label"), groupTitle) : null,
            r.GetString(C("s.content")),
            new AgencyRefDto(r.GetString(C("s.code")), r.GetString(C("s.name")), Get<string>("s.short_name")),
            Get<string>("s.lead_role"), [], r.GetBoolean(C("s.and_related_agencies")), Get<string>("s.executing_units_text"),
            new DueDto(Get<int?>("s.due_year"), Get<int?>("s.due_month"), Parse<MonthPart>("s.due_part"), Get<string>("s.due_text"),
                start, r.GetFieldValue<DateOnly>(C("s.due_end")), kind is null, kind, kind == DueKind.Date ? start : null, recurrence),
            EnumNames<ItemStatus>.Parse(r.GetString(C("s.status"))), r.GetInt32(C("s.percent_complete")), false, 0, false,
            Get<DateOnly?>("s.completed_on"), Get<DateTimeOffset?>("s.last_reported_at"), Get<Guid?>("s.latest_report_id"),
            r.GetFieldValue<DateTimeOffset>(C("s.created_at")), r.GetFieldValue<DateTimeOffset>(C("s.updated_at")),
            r.GetFieldValue<uint>(C("s.xmin")), null, Get<NpgsqlRange<DateOnly>[]>("s.overdue_days") ?? []);
        var id = r.GetGuid(C("s.id"));
        var published = r.GetString(C("s.lifecycle")) == "published";
        var involved = r.GetGuid(C("s.lead_agency_id")) == agencyId;
        var coordinators = new List<(int Position, AgencyRefDto Agency)>();
        do
        {
            if (r.IsDBNull(C("s0.plan_item_id"))) continue;
            involved |= r.GetGuid(C("s0.agency_id")) == agencyId;
            coordinators.Add((r.GetInt32(C("s0.position")),
                new AgencyRefDto(r.GetString(C("s0.code")), r.GetString(C("s0.name")), Get<string>("s0.short_name"))));
        }
        while (await r.ReadAsync(ct));
        item = item with { Coordinators = coordinators.OrderBy(c => c.Position).Select(c => c.Agency).ToList() };
        return new Locked(id, item, kind == DueKind.Recurring ? recurrence : null, published, involved);
    }

    /// <summary>The UPDATE EF sends for the item: only the columns whose value changed, in column-name order.</summary>
    private static NpgsqlBatchCommand Update(Guid id, PlanItemDto before, PlanItemDto after)
    {
        var set = new List<(string Column, NpgsqlDbType Type, object? Value)>();
        if (after.CompletedOn != before.CompletedOn) set.Add(("completed_on", NpgsqlDbType.Date, after.CompletedOn));
        if (after.LastReportedAt != before.LastReportedAt) set.Add(("last_reported_at", NpgsqlDbType.TimestampTz, after.LastReportedAt));
        if (after.LatestReportId != before.LatestReportId) set.Add(("latest_report_id", NpgsqlDbType.Uuid, after.LatestReportId));
        if (!(after.OverdueDays ?? []).SequenceEqual(before.OverdueDays ?? [])) set.Add(("overdue_days", NpgsqlDbType.DateMultirange, after.OverdueDays));
        if (after.PercentComplete != before.PercentComplete) set.Add(("percent_complete", NpgsqlDbType.Integer, after.PercentComplete));
        if (after.Status != before.Status) set.Add(("status", NpgsqlDbType.Varchar, EnumNames<ItemStatus>.ToName(after.Status)));
        if (after.UpdatedAt != before.UpdatedAt) set.Add(("updated_at", NpgsqlDbType.TimestampTz, after.UpdatedAt));
        var update = new NpgsqlBatchCommand(Sql.UpdateItem(set.Select(s => s.Column).ToList()));
        var n = 26;
        foreach (var (_, type, value) in set) update.Parameters.AddWithValue($"p{n++}", type, value ?? DBNull.Value);
        update.Parameters.AddWithValue($"p{n++}", id);
        update.Parameters.AddWithValue($"p{n}", NpgsqlDbType.Xid, before.Version);
        return update;
    }

    private static async Task<Caller?> ReadCallerAsync(NpgsqlConnection conn, string keyHash, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Sql.ApiKey, conn);
        cmd.Parameters.AddWithValue("keyHash", NpgsqlDbType.Varchar, keyHash);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? new Caller(r.GetGuid(0), r.GetString(1), r.IsDBNull(4) ? null : r.GetString(4)) : null;
    }

    private static async Task<Reporter?> ReadReporterAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string code, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Sql.AgencyByCode, conn, tx);
        cmd.Parameters.AddWithValue("code", NpgsqlDbType.Varchar, code);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct)
            ? new Reporter(r.GetGuid(0), new AgencyRefDto(r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5))
            : null;
    }

    private static NpgsqlBatchCommand Change(string action, string link, DateTimeOffset at, string key, string type, string version)
    {
        var c = new NpgsqlBatchCommand(Sql.InsertChange);
        Varchar(c, "p12", action);
        Varchar(c, "p13", link);
        c.Parameters.AddWithValue("p14", at);
        c.Parameters.AddWithValue("p15", true);
        Varchar(c, "p16", key);
        Varchar(c, "p17", type);
        Varchar(c, "p18", version);
        return c;
    }

    /// <summary>EF types a string parameter by its column: character varying.</summary>
    private static void Varchar(NpgsqlBatchCommand command, string name, string value) =>
        command.Parameters.AddWithValue(name, NpgsqlDbType.Varchar, value);

    private static int DefaultPercent(ItemStatus status, int current) => status switch
    {
        ItemStatus.Completed => 100,
        ItemStatus.NotStarted => 0,
        ItemStatus.InProgress => Math.Min(current, 99),
        _ => current,
    };

    /// <summary>The API's fingerprint of the request: method, path and the JSON body with sorted properties and NFC strings.</summary>
    private static string RequestHash(HttpRequest request, byte[] body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        sha.AppendData(Encoding.UTF8.GetBytes(Canonical(JsonNode.Parse(body))?.ToJsonString() ?? "null"));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key.Normalize(NormalizationForm.FormC), Canonical(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Canonical).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(v.GetValue<string>().Normalize(NormalizationForm.FormC)),
        JsonValue v => JsonNode.Parse(v.ToJsonString()),
        _ => null,
    };

    private static Task WriteJsonAsync(HttpContext ctx, byte[] bytes)
    {
        ctx.Response.ContentType = "application/json; charset=utf-8";
        ctx.Response.ContentLength = bytes.Length;
        return ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted).AsTask();
    }
}
