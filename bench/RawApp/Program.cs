using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;
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
/// POST of a progress report with an Idempotency-Key, as the API runs it: key lookup, then one transaction with the
/// idempotency lock and lookup, the reporter's agency, the item locked FOR UPDATE with its plan and agencies, the
/// item updated and the report inserted (one batch), audit + two change records (one batch), the stored answer,
/// commit. The report and the item (for its feed version) are built from what was read, as the API builds them.
/// </summary>
internal static class PostReport
{

    private sealed record Body(string Status, int? PercentComplete, string Summary);

    public static async Task HandleAsync(NpgsqlDataSource db, HttpContext ctx, Guid planId, int ordinal)
    {
        var ct = ctx.RequestAborted;
        var apiKey = ctx.Request.Headers["X-Api-Key"].ToString();
        var idempotencyKey = ctx.Request.Headers["Idempotency-Key"].ToString();
        using var buffer = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(buffer, ct);
        var bodyBytes = buffer.ToArray();
        var body = JsonSerializer.Deserialize<Body>(bodyBytes, ETags.Json)!;
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"POST {ctx.Request.Path}\n").Concat(bodyBytes).ToArray()));

        await using var conn = await db.OpenConnectionAsync(ct);
        Guid keyId; string clientName; string? agencyCode;
        await using (var cmd = new NpgsqlCommand(Sql.ApiKey, conn))
        {
            cmd.Parameters.AddWithValue("hash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey))));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) { ctx.Response.StatusCode = 401; return; }
            keyId = r.GetGuid(0); clientName = r.GetString(1); agencyCode = r.IsDBNull(3) ? null : r.GetString(3);
        }
        var scope = $"key:{keyId}";
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Exec(conn, tx, Sql.IdempotencyLock, ct, ("p0", "3000ms"), ("p1", scope), ("p2", idempotencyKey), ("p3", "2000ms"));
        await using (var cmd = new NpgsqlCommand(Sql.IdempotencyLookup, conn, tx))
        {
            cmd.Parameters.AddWithValue("scope", scope);
            cmd.Parameters.AddWithValue("key", idempotencyKey);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (await r.ReadAsync(ct)) { ctx.Response.StatusCode = 409; return; }
        }
        Guid agencyId; AgencyRefDto reporter;
        await using (var cmd = new NpgsqlCommand(Sql.AgencyByCode, conn, tx))
        {
            cmd.Parameters.AddWithValue("agencyCode", agencyCode!);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            agencyId = r.GetGuid(0);
            reporter = new AgencyRefDto(r.GetString(2), r.GetString(5), r.IsDBNull(8) ? null : r.GetString(8));
        }
        Guid itemId; uint xmin; int currentPercent; string lifecycle; var involved = false; PlanItemDto locked;
        await using (var cmd = new NpgsqlCommand(Sql.ItemForUpdate, conn, tx))
        {
            cmd.Parameters.AddWithValue("p0", planId);
            cmd.Parameters.AddWithValue("p1", ordinal);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) { ctx.Response.StatusCode = 404; return; }
            itemId = r.GetGuid(0); currentPercent = r.GetInt32(17); xmin = r.GetFieldValue<uint>(23);
            lifecycle = r.GetString(32);
            involved = r.GetGuid(14) == agencyId;
            var coordinators = new List<(int Position, AgencyRefDto Agency)>();
            locked = new PlanItemDto(
                r.GetGuid(18), r.GetString(33), r.GetInt32(16), r.GetInt32(19), r.GetInt32(16).ToString(System.Globalization.CultureInfo.InvariantCulture), null, r.GetString(3),
                new AgencyRefDto(r.GetString(47), r.GetString(50), r.IsDBNull(53) ? null : r.GetString(53)),
                r.IsDBNull(15) ? null : r.GetString(15), [], r.GetBoolean(1), r.IsDBNull(11) ? null : r.GetString(11),
                new DueDto(r.IsDBNull(10) ? null : r.GetInt32(10), r.IsDBNull(6) ? null : r.GetInt32(6),
                    r.IsDBNull(7) ? null : EnumNames<MonthPart>.Parse(r.GetString(7)), r.IsDBNull(9) ? null : r.GetString(9),
                    r.GetFieldValue<DateOnly>(8), r.GetFieldValue<DateOnly>(5), r.IsDBNull(10)),
                EnumNames<ItemStatus>.Parse(r.GetString(21)), currentPercent, false, 0, false,
                r.IsDBNull(2) ? null : r.GetFieldValue<DateOnly>(2), r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12),
                r.IsDBNull(13) ? null : r.GetGuid(13), r.GetFieldValue<DateTimeOffset>(4), r.GetFieldValue<DateTimeOffset>(22), xmin);
            do
            {
                if (r.IsDBNull(58)) continue;
                if (r.GetGuid(58) == agencyId) involved = true;
                coordinators.Add((r.GetInt32(59), new AgencyRefDto(r.GetString(62), r.GetString(65), r.IsDBNull(68) ? null : r.GetString(68))));
            }
            while (await r.ReadAsync(ct));
            locked = locked with { Coordinators = coordinators.OrderBy(c => c.Position).Select(c => c.Agency).ToList() };
        }
        if (lifecycle != "published") { ctx.Response.StatusCode = 422; return; }
        if (!involved) { ctx.Response.StatusCode = 403; return; }

        var status = EnumNames<ItemStatus>.Parse(body.Status);
        var percent = body.PercentComplete ?? currentPercent;
        var now = DateTimeOffset.UtcNow;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        var reportId = Guid.CreateVersion7();
        uint version;
        await using (var batch = new NpgsqlBatch(conn, tx))
        {
            var update = new NpgsqlBatchCommand(Sql.UpdateItem);
            update.Parameters.AddWithValue("p5", itemId);
            update.Parameters.AddWithValue("p0", now);
            update.Parameters.AddWithValue("p1", reportId);
            update.Parameters.AddWithValue("p2", percent);
            update.Parameters.AddWithValue("p3", body.Status);
            update.Parameters.AddWithValue("p4", now);
            update.Parameters.AddWithValue("p6", NpgsqlTypes.NpgsqlDbType.Xid, xmin);
            var insert = new NpgsqlBatchCommand(Sql.InsertReport);
            insert.Parameters.AddWithValue("p7", reportId);
            insert.Parameters.AddWithValue("p8", NpgsqlTypes.NpgsqlDbType.Date, DBNull.Value);
            insert.Parameters.AddWithValue("p9", NpgsqlTypes.NpgsqlDbType.Varchar, DBNull.Value);
            insert.Parameters.AddWithValue("p10", NpgsqlTypes.NpgsqlDbType.Varchar, DBNull.Value);
            insert.Parameters.AddWithValue("p11", percent);
            insert.Parameters.AddWithValue("p12", NpgsqlTypes.NpgsqlDbType.Date, DBNull.Value);
            insert.Parameters.AddWithValue("p13", NpgsqlTypes.NpgsqlDbType.Date, DBNull.Value);
            insert.Parameters.AddWithValue("p14", itemId);
            insert.Parameters.AddWithValue("p15", now);
            insert.Parameters.AddWithValue("p16", agencyId);
            insert.Parameters.AddWithValue("p17", body.Status);
            insert.Parameters.AddWithValue("p18", body.Summary.Trim());
            batch.BatchCommands.Add(update);
            batch.BatchCommands.Add(insert);
            await using var r = await batch.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) { ctx.Response.StatusCode = 409; return; }
            version = r.GetFieldValue<uint>(0);
        }
        var report = new ProgressReportDto(reportId, planId, ordinal, reporter, status, percent, body.Summary.Trim(), null, null, null, now);
        var item = (locked with
        {
            Status = status, PercentComplete = percent, LatestReportId = reportId, LastReportedAt = now, UpdatedAt = now, Version = version,
            CompletedOn = status == ItemStatus.Completed ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, PlanCalendar.TimeZone).DateTime) : null,
        }).AsOf(PlanCalendar.Today(TimeProvider.System));
        const bool isPublic = true;
        var reportJson = JsonSerializer.SerializeToUtf8Bytes(report, ETags.Json);
        var itemJson = JsonSerializer.SerializeToUtf8Bytes(item, ETags.Json);
        var itemKey = $"{planId}/{ordinal}";
        await using (var batch = new NpgsqlBatch(conn, tx))
        {
            var audit = new NpgsqlBatchCommand(Sql.InsertAudit);
            audit.Parameters.AddWithValue("p0", Guid.CreateVersion7());
            audit.Parameters.AddWithValue("p1", "create");
            audit.Parameters.AddWithValue("p2", NpgsqlTypes.NpgsqlDbType.Jsonb, Encoding.UTF8.GetString(reportJson));
            audit.Parameters.AddWithValue("p3", (object?)agencyCode ?? DBNull.Value);
            audit.Parameters.AddWithValue("p4", NpgsqlTypes.NpgsqlDbType.Jsonb, DBNull.Value);
            audit.Parameters.AddWithValue("p5", scope);
            audit.Parameters.AddWithValue("p6", clientName);
            audit.Parameters.AddWithValue("p7", keyId);
            audit.Parameters.AddWithValue("p8", now);
            audit.Parameters.AddWithValue("p9", report.Id.ToString());
            audit.Parameters.AddWithValue("p10", "progress_report");
            audit.Parameters.AddWithValue("p11", ctx.TraceIdentifier);
            batch.BatchCommands.Add(audit);
            batch.BatchCommands.Add(Change("create", $"/api/v1/progress-reports/{report.Id}", now, true, report.Id.ToString(), "progress_report", ETags.For(reportJson)));
            batch.BatchCommands.Add(Change("update", $"/api/v1/plans/{planId}/items/{ordinal}", now, isPublic, itemKey, "plan_item", ETags.For(itemJson)));
            await batch.ExecuteNonQueryAsync(ct);
        }
        var location = $"/api/v1/progress-reports/{report.Id}";
        await using (var cmd = new NpgsqlCommand(Sql.InsertIdempotency, conn, tx))
        {
            cmd.Parameters.AddWithValue("p0", idempotencyKey);
            cmd.Parameters.AddWithValue("p1", scope);
            cmd.Parameters.AddWithValue("p2", reportJson);
            cmd.Parameters.AddWithValue("p3", "application/json; charset=utf-8");
            cmd.Parameters.AddWithValue("p4", now);
            cmd.Parameters.AddWithValue("p5", location);
            cmd.Parameters.AddWithValue("p6", requestHash);
            cmd.Parameters.AddWithValue("p7", 201);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        ctx.Response.StatusCode = 201;
        ctx.Response.Headers.Location = location;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        ctx.Response.ContentLength = reportJson.Length;
        await ctx.Response.Body.WriteAsync(reportJson, ct);
    }

    private static NpgsqlBatchCommand Change(string action, string link, DateTimeOffset at, bool isPublic, string key, string type, string version)
    {
        var c = new NpgsqlBatchCommand(Sql.InsertChange);
        c.Parameters.AddWithValue("p12", action);
        c.Parameters.AddWithValue("p13", link);
        c.Parameters.AddWithValue("p14", at);
        c.Parameters.AddWithValue("p15", isPublic);
        c.Parameters.AddWithValue("p16", key);
        c.Parameters.AddWithValue("p17", type);
        c.Parameters.AddWithValue("p18", version);
        return c;
    }

    private static async Task Exec(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
