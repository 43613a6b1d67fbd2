using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Domain;

namespace PlanApi.Data;

/// <summary>
/// Loads <c>seeds/</c> (administrative units, agencies, groupings, plans) into the database. Idempotent: what exists (by code, or by
/// issuer + number + year of issue) is left as it is, so edits made through the API survive a restart.
/// </summary>
public sealed class Seeder(PlanDbContext db, TimeProvider clock, ILogger<Seeder> logger)
{
    private static readonly JsonSerializerOptions Json = ApiDefaults.Json;

    public async Task SeedAsync(string seedDirectory, CancellationToken ct = default)
    {
        var agencies = Read<List<SeedAgency>>(Path.Combine(seedDirectory, "agencies.json"));
        var committeesFile = Path.Combine(seedDirectory, "peoples-committees.json");
        var committees = File.Exists(committeesFile) ? Read<List<SeedPeoplesCommittees>>(committeesFile) : [];
        var groupings = Read<List<SeedGrouping>>(Path.Combine(seedDirectory, "groupings.json"));
        var planFiles = Directory.GetFiles(Path.Combine(seedDirectory, "plans"), "*.json").Order(StringComparer.Ordinal);
        var plans = planFiles.Select(Read<SeedPlan>).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var added = await AdministrativeUnitLists.LoadAsync(db, seedDirectory, ct);
        if (added > 0)
            logger.LogInformation("Loaded {Rows} administrative units and successions in {Milliseconds} ms", added,
                (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        added += await new AgencySeeding(db, clock.GetUtcNow()).SeedAsync(agencies, committees, ct);
        var ids = await db.Agencies.ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        added += await SeedGroupingsAsync(groupings, ids, ct);
        foreach (var plan in plans) added += await SeedPlanAsync(plan, ids, ct);
        await db.SaveChangesAsync(ct);
        // What seeding added is in the change feed like any write, in the same transaction: a mirror starting from
        // after=0 meets it (db/functions/change_records_backfill.sql).
        if (added > 0) await db.Database.ExecuteSqlAsync($"SELECT change_records_backfill()", ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Seeded {Added} new records from {Directory}", added, seedDirectory);
    }

    /// <summary>Finds <c>seeds/</c> next to the app or in a parent folder (the repository root when run from source).</summary>
    public static string? FindSeedDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (File.Exists(Path.Combine(candidate, "agencies.json"))) return candidate;
        }
        return null;
    }

    private async Task<int> SeedGroupingsAsync(List<SeedGrouping> groupings, Dictionary<string, Guid> ids, CancellationToken ct)
    {
        var existing = (await db.Groupings.Select(g => g.Code).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var seed in groupings.Where(g => !existing.Contains(g.Code)))
        {
            var grouping = new Grouping
            {
                Code = seed.Code, Kind = seed.Kind, Name = seed.Name, Year = seed.Year, Description = seed.Description,
                HeadAgencyId = seed.HeadCode is null ? null : ids[seed.HeadCode],
                DeputyAgencyId = seed.DeputyCode is null ? null : ids[seed.DeputyCode],
                CreatedAt = now, UpdatedAt = now,
            };
            grouping.Members = seed.MemberCodes.Select((code, position) =>
                new GroupingMember { GroupingId = grouping.Id, AgencyId = ids[code], Position = position }).ToList();
            db.Groupings.Add(grouping);
            added++;
        }
        return added;
    }

    private async Task<int> SeedPlanAsync(SeedPlan seed, Dictionary<string, Guid> ids, CancellationToken ct)
    {
        var issuerId = ids[seed.IssuerCode];
        if (await db.Plans.AnyAsync(p => p.IssuerId == issuerId && p.Number == seed.Number && p.IssuedYear == seed.IssuedOn.Year, ct))
            return 0;
        var plan = PlanData.Build(seed, ids, clock.GetUtcNow());
        db.Plans.Add(plan);
        return 1 + seed.Items.Count;
    }

    private static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path} is empty.");

}
