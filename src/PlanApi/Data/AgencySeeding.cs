using Microsoft.EntityFrameworkCore;
using PlanApi.Domain;

namespace PlanApi.Data;

/// <summary>
/// The agencies of <c>seeds/</c>: those listed in <c>agencies.json</c>, the People's Committees generated from the unit
/// lists (<c>peoples-committees.json</c>), and the successions of those that ended. Adds what is missing; an agency
/// that exists is left as it is, except that a succession the seed records and the store lacks is added once.
/// </summary>
internal sealed class AgencySeeding(PlanDbContext db, DateTimeOffset now)
{
    public async Task<int> SeedAsync(List<SeedAgency> agencies, List<SeedPeoplesCommittees> committees, CancellationToken ct)
    {
        var existing = (await db.Agencies.Select(a => a.Code).ToListAsync(ct)).ToHashSet();
        var added = 0;
        foreach (var rule in committees) added += await GenerateAsync(rule, existing, ct);

        var byCode = new Dictionary<string, Agency>();
        foreach (var seed in agencies.Where(a => !existing.Contains(a.Code)))
        {
            var agency = new Agency
            {
                Code = seed.Code, Name = seed.Name, ShortName = seed.ShortName, Aliases = seed.Aliases ?? [], Kind = seed.Kind,
                JurisdictionCode = seed.JurisdictionCode, JurisdictionProvinceCode = await ProvinceOfAsync(seed, ct),
                ValidFrom = seed.ValidFrom, IdentifierCode = seed.IdentifierCode, CreatedAt = now, UpdatedAt = now,
            };
            agency.RefreshSearchKey();
            byCode[seed.Code] = agency;
            db.Agencies.Add(agency);
        }
        foreach (var seed in agencies.Where(a => byCode.ContainsKey(a.Code) && a.ParentCode is not null))
        {
            byCode[seed.Code].ParentId = byCode.TryGetValue(seed.ParentCode!, out var parent)
                ? parent.Id
                : await db.Agencies.Where(a => a.Code == seed.ParentCode).Select(a => (Guid?)a.Id).SingleAsync(ct);
        }
        await db.SaveChangesAsync(ct);
        foreach (var seed in agencies.Where(a => a.ValidUntil is not null)) await EndAsync(seed, ct);
        await db.SaveChangesAsync(ct);
        return added + byCode.Count;
    }

    private async Task<string?> ProvinceOfAsync(SeedAgency seed, CancellationToken ct)
    {
        if (seed.JurisdictionCode is not { } code) return null;
        var date = seed.ValidUntil ?? seed.ValidFrom ?? AdministrativeUnitLists.Reorganisation2025.AddDays(-1);
        var unit = await Jurisdictions.AtAsync(db, code, date, ct)
            ?? throw new InvalidDataException($"Seed agency {seed.Code}: no administrative unit {code} on {date:yyyy-MM-dd}.");
        return unit.ProvinceCode;
    }

    /// <summary>The People's Committee of each unit of a level in a province, valid from the unit's first day.</summary>
    private async Task<int> GenerateAsync(SeedPeoplesCommittees rule, HashSet<string> existing, CancellationToken ct)
    {
        var province = await Jurisdictions.AtAsync(db, rule.ProvinceCode, rule.AsOf, ct)
            ?? throw new InvalidDataException($"No province {rule.ProvinceCode} on {rule.AsOf:yyyy-MM-dd}.");
        var units = await db.AdministrativeUnits.AsNoTracking().ValidOn(rule.AsOf)
            .Where(u => u.ProvinceCode == rule.ProvinceCode && u.Level == rule.Level)
            .OrderBy(u => u.Code).ToListAsync(ct);
        var added = 0;
        foreach (var unit in units)
        {
            var code = AgencyCodes.ForName("UBND", AgencyCodes.JurisdictionSlug(unit, province.Name));
            if (!existing.Add(code)) continue;
            var name = AgencyCodes.PeoplesCommitteeName(unit);
            var agency = new Agency
            {
                Code = code, Name = name, ShortName = AgencyCodes.PeoplesCommitteeShortName(unit),
                Aliases = [$"{name} {province.FullNameInText()}"], Kind = AgencyKind.Government,
                JurisdictionCode = unit.Code, JurisdictionProvinceCode = unit.ProvinceCode, ValidFrom = unit.ValidFrom,
                CreatedAt = now, UpdatedAt = now,
            };
            agency.RefreshSearchKey();
            db.Agencies.Add(agency);
            added++;
        }
        return added;
    }

    /// <summary>Records that a seeded agency ended and who succeeded it, unless the store already says when it ended.</summary>
    private async Task EndAsync(SeedAgency seed, CancellationToken ct)
    {
        var agency = await db.Agencies.Include(a => a.Successors).SingleAsync(a => a.Code == seed.Code, ct);
        if (agency.ValidUntil is not null || agency.Successors.Count > 0) return;
        var effectiveOn = seed.ValidUntil!.Value.AddDays(1);
        var successors = new List<(Guid Id, SuccessionKind Kind)>();
        foreach (var s in seed.Successors ?? [])
            successors.Add((await db.Agencies.Where(a => a.Code == s.Code).Select(a => a.Id).SingleAsync(ct), s.Kind));
        if (seed.SuccessorsByJurisdiction && seed.JurisdictionCode is { } code)
        {
            var unit = await Jurisdictions.AtAsync(db, code, seed.ValidUntil.Value, ct);
            var successorUnits = await db.AdministrativeUnitSuccessions.Where(s => s.PredecessorId == unit!.Id)
                .Select(s => s.Successor!.Code).ToListAsync(ct);
            var committees = await db.Agencies.ValidOn(effectiveOn)
                .Where(a => a.Kind == AgencyKind.Government && a.JurisdictionCode != null && successorUnits.Contains(a.JurisdictionCode))
                .Select(a => a.Id).ToListAsync(ct);
            var kind = committees.Count > 1 ? SuccessionKind.SplitAmong : SuccessionKind.MergedInto;
            successors.AddRange(committees.Select(id => (id, kind)));
        }
        agency.ValidUntil = seed.ValidUntil;
        agency.UpdatedAt = now;
        foreach (var (id, kind) in successors.DistinctBy(s => s.Id))
            agency.Successors.Add(new AgencySuccession { PredecessorId = agency.Id, SuccessorId = id, Kind = kind, EffectiveOn = effectiveOn });
    }
}
