using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using PlanApi.Common;
using PlanApi.Domain;

namespace PlanApi.Data;

/// <summary>
/// Loads the national lists of administrative units in <c>seeds/administrative-units/</c> (before and after the
/// 1 July 2025 reorganisation) and the successions between them: once, by binary COPY into the empty tables, in the
/// seeding transaction. A store that holds units is left alone.
/// </summary>
public static class AdministrativeUnitLists
{
    /// <summary>The first day of the two-tier state (Resolution 202/2025/QH15).</summary>
    public static readonly DateOnly Reorganisation2025 = new(2025, 7, 1);

    private const string Folder = "administrative-units";

    public static async Task<int> LoadAsync(PlanDbContext db, string seedDirectory, CancellationToken ct)
    {
        if (await db.AdministrativeUnits.AnyAsync(ct)) return 0;
        var folder = Path.Combine(seedDirectory, Folder);
        var units = new List<AdministrativeUnit>();
        var before = Read(Path.Combine(folder, "units-until-2025-06-30.csv"), units, null, Reorganisation2025.AddDays(-1));
        var after = Read(Path.Combine(folder, "units-from-2025-07-01.csv"), units, Reorganisation2025, null);
        var successions = Successions(Path.Combine(folder, "communes-2025-07-01-successors.csv"), before, after);

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY administrative_units (id, code, level, name, full_name, type, parent_id, province_code, valid_from, valid_until, search_key) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var u in units)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(u.Id, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(u.Code, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(EnumNames<UnitLevel>.ToName(u.Level), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(u.Name, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(u.FullName, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(u.Type, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, u.ParentId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(u.ProvinceCode, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, u.ValidFrom, NpgsqlDbType.Date, ct);
                await WriteNullableAsync(copy, u.ValidUntil, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(u.SearchKey, NpgsqlDbType.Text, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY administrative_unit_successions (predecessor_id, successor_id, kind, effective_on) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var s in successions)
            {
                await copy.WriteRowAsync(ct, s.PredecessorId, s.SuccessorId, EnumNames<SuccessionKind>.ToName(s.Kind), s.EffectiveOn);
            }
            await copy.CompleteAsync(ct);
        }
        return units.Count + successions.Count;
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct
    {
        if (value is { } v) await copy.WriteAsync(v, type, ct);
        else await copy.WriteNullAsync(ct);
    }

    /// <summary>Reads one list (level, code, name, full_name, type, parent_code) into <paramref name="units"/>; returns its units by code.</summary>
    private static Dictionary<string, AdministrativeUnit> Read(string path, List<AdministrativeUnit> units, DateOnly? validFrom, DateOnly? validUntil)
    {
        var byCode = new Dictionary<string, AdministrativeUnit>(StringComparer.Ordinal);
        foreach (var f in Rows(path, 6))
        {
            var parent = f[5].Length == 0 ? null : byCode.GetValueOrDefault(f[5])
                ?? throw new InvalidDataException($"{path}: unit {f[1]} names parent {f[5]}, which is not listed before it.");
            var unit = new AdministrativeUnit
            {
                Id = units.Count + 1,
                Code = f[1],
                Level = EnumNames<UnitLevel>.Parse(f[0]),
                Name = f[2],
                FullName = f[3],
                Type = f[4],
                ParentId = parent?.Id,
                Parent = parent,
                ProvinceCode = parent?.ProvinceCode ?? f[1],
                ValidFrom = validFrom,
                ValidUntil = validUntil,
                SearchKey = SearchText.Fold(f[3]),
            };
            units.Add(unit);
            byCode.Add(unit.Code, unit);
        }
        return byCode;
    }

    /// <summary>
    /// Communes from the list of where each old commune went; an old district's successors are the new communes its
    /// communes went to, an old province's the new provinces they lie in.
    /// </summary>
    private static List<AdministrativeUnitSuccession> Successions(
        string path, Dictionary<string, AdministrativeUnit> before, Dictionary<string, AdministrativeUnit> after)
    {
        var communes = new Dictionary<(int, int), bool>();
        var districts = new HashSet<(int, int)>();
        var provinces = new HashSet<(int, int)>();
        foreach (var f in Rows(path, 8))
        {
            // The lists are facts as published; a row naming a commune the other list lacks (06970 "Xã Ba Chẽ" is
            // named as a successor but the 2025 list has "Xã Ba Chẽ" as 06978) links nothing rather than inventing a unit.
            if (!before.TryGetValue(f[2], out var old) || !after.TryGetValue(f[5], out var successor)) continue;
            var divided = f[7].Equals("True", StringComparison.OrdinalIgnoreCase);
            communes[(old.Id, successor.Id)] = communes.GetValueOrDefault((old.Id, successor.Id)) || divided;
            if (old.ParentId is { } district) districts.Add((district, successor.Id));
            provinces.Add((before[old.ProvinceCode].Id, after[successor.ProvinceCode].Id));
        }
        var byId = before.Values.Concat(after.Values).ToDictionary(u => u.Id);
        return Linked(communes.Keys, pair => communes[pair])
            .Concat(Linked(districts, _ => false))
            .Concat(Linked(provinces, _ => false))
            .ToList();

        IEnumerable<AdministrativeUnitSuccession> Linked(IEnumerable<(int From, int To)> pairs, Func<(int, int), bool> divided)
        {
            var list = pairs.ToList();
            var successorsOf = list.GroupBy(p => p.From).ToDictionary(g => g.Key, g => g.Count());
            var predecessorsOf = list.GroupBy(p => p.To).ToDictionary(g => g.Key, g => g.Count());
            foreach (var (from, to) in list)
            {
                var kind = divided((from, to)) || successorsOf[from] > 1 ? SuccessionKind.SplitAmong
                    : predecessorsOf[to] > 1 ? SuccessionKind.MergedInto
                    : byId[from].FullName == byId[to].FullName ? SuccessionKind.Continued
                    : SuccessionKind.Renamed;
                yield return new AdministrativeUnitSuccession
                {
                    PredecessorId = from, SuccessorId = to, Kind = kind, EffectiveOn = Reorganisation2025,
                };
            }
        }
    }

    private static IEnumerable<string[]> Rows(string path, int columns)
    {
        var first = true;
        foreach (var line in File.ReadLines(path))
        {
            if (first) { first = false; continue; }
            if (line.Length == 0) continue;
            var fields = line.Split(',');
            if (fields.Length != columns) throw new InvalidDataException($"{path}: expected {columns} columns in \"{line}\".");
            yield return fields.Select(f => f.Trim()).ToArray();
        }
    }
}
