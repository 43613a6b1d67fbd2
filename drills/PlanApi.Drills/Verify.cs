using System.Text.Json;
using Npgsql;

namespace PlanApi.Drills;

/// <summary>What PostgreSQL holds for one drill's reports, compared with what the clients were told.</summary>
internal sealed record Verification(
    int Started, int Acknowledged, int AcknowledgedStoredOnce, int Lost, int WrongId, int Duplicates, int KeysWithDuplicates,
    int StoredUnacknowledged, int Abandoned, int Rejected, int Replayed,
    int IdempotencyRecords, int ReportsWithoutRecord, int RecordsWithoutReport, int RecordMismatch, int KeysWithTwoRecords,
    int StoredReports)
{
    /// <summary>acknowledged = stored, duplicates = 0, idempotency records agree.</summary>
    public bool Passed => Lost == 0 && WrongId == 0 && Duplicates == 0 && AcknowledgedStoredOnce == Acknowledged
        && ReportsWithoutRecord == 0 && RecordMismatch == 0 && KeysWithTwoRecords == 0;

    /// <summary>
    /// Reports are found by their summary ("drill TAG KEY", so each names the Idempotency-Key it was sent with); the
    /// stored answers by key in idempotency_records, whose answer (its body, or the "after" of the audit entry it points at) holds the report id the client was (or would be) given.
    /// </summary>
    public static async Task<Verification> RunAsync(string connectionString, Recorder recorder, string tag)
    {
        var acks = recorder.Acks.ToList();
        var started = recorder.Started.Distinct().ToList();
        var prefix = $"drill {tag} ";

        var stored = new Dictionary<string, List<Guid>>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand("SELECT id, summary FROM progress_reports WHERE summary LIKE @p", connection))
        {
            command.Parameters.AddWithValue("p", prefix + "%");
            command.CommandTimeout = 120;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var key = reader.GetString(1)[prefix.Length..];
                if (!stored.TryGetValue(key, out var list)) stored[key] = list = [];
                list.Add(reader.GetGuid(0));
            }
        }

        var records = new Dictionary<string, List<(string Scope, Guid? Id)>>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT r.scope, r.key, COALESCE(a.after::text, convert_from(r.body, 'UTF8'))
            FROM idempotency_records r LEFT JOIN audit_entries a ON a.id = r.audit_entry_id
            WHERE r.key = ANY(@keys)
            """, connection))
        {
            command.Parameters.AddWithValue("keys", started.Union(stored.Keys).ToArray());
            command.CommandTimeout = 120;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Guid? id = null;
                try
                {
                    using var doc = JsonDocument.Parse(reader.GetString(2));
                    if (doc.RootElement.TryGetProperty("id", out var p)) id = p.GetGuid();
                }
                catch (JsonException)
                {
                }
                var key = reader.GetString(1);
                if (!records.TryGetValue(key, out var list)) records[key] = list = [];
                list.Add((reader.GetString(0), id));
            }
        }

        var ackedKeys = acks.Select(a => a.Key).ToHashSet();
        int storedOnce = 0, lost = 0, wrongId = 0;
        foreach (var ack in acks)
        {
            if (!stored.TryGetValue(ack.Key, out var ids) || !ids.Contains(ack.Id))
            {
                if (ids is null || ids.Count == 0) lost++; else wrongId++;
            }
            else if (ids.Count == 1)
            {
                storedOnce++;
            }
        }
        var duplicates = stored.Values.Sum(l => Math.Max(0, l.Count - 1));
        var keysWithDuplicates = stored.Values.Count(l => l.Count > 1);
        var storedUnacked = stored.Keys.Count(k => !ackedKeys.Contains(k));
        var withoutRecord = stored.Keys.Count(k => !records.ContainsKey(k));
        var withoutReport = records.Keys.Count(k => !stored.ContainsKey(k));
        var mismatch = stored.Count(kv => records.TryGetValue(kv.Key, out var r) && r.Count == 1 && !kv.Value.Contains(r[0].Id ?? Guid.Empty));
        var twoRecords = records.Values.Count(r => r.Count > 1);
        return new Verification(
            started.Count, acks.Count, storedOnce, lost, wrongId, duplicates, keysWithDuplicates, storedUnacked,
            recorder.Abandoned.Count, recorder.Rejected.Count, acks.Count(a => a.Replayed),
            records.Values.Sum(r => r.Count), withoutRecord, withoutReport, mismatch, twoRecords, stored.Values.Sum(l => l.Count));
    }

    public string Markdown() => string.Join('\n',
        "| check | value |",
        "|---|---|",
        $"| reports started (distinct Idempotency-Keys) | {Started} |",
        $"| acknowledged (201) | {Acknowledged} (of which replays: {Replayed}) |",
        $"| acknowledged and stored exactly once, same id | **{AcknowledgedStoredOnce}** |",
        $"| acknowledged but not stored (lost) | **{Lost}** |",
        $"| acknowledged with an id other than the stored one | {WrongId} |",
        $"| duplicate reports (extra rows for one key) | **{Duplicates}** (keys affected: {KeysWithDuplicates}) |",
        $"| stored but never acknowledged (client gave up or was refused) | {StoredUnacknowledged} |",
        $"| reports abandoned by clients after the retry budget | {Abandoned} |",
        $"| reports refused with a 4xx (not retried) | {Rejected} |",
        $"| reports stored in total | {StoredReports} |",
        $"| idempotency records for these keys | {IdempotencyRecords} |",
        $"| stored reports without an idempotency record | {ReportsWithoutRecord} |",
        $"| idempotency records without a stored report | {RecordsWithoutReport} |",
        $"| idempotency record naming another report id | {RecordMismatch} |",
        $"| keys with two idempotency records | {KeysWithTwoRecords} |");
}
