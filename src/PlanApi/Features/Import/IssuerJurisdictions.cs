using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Documents;
using PlanApi.Domain;

namespace PlanApi.Features.Import;

/// <summary>
/// The jurisdiction an import matches agency names in: a unit version valid on the plan's date of issue (with its
/// province), or the centre. Neither, with <see cref="Problem"/> saying why, when the heading does not tell.
/// </summary>
internal sealed record ImportJurisdiction(
    AdministrativeUnit? Unit, AdministrativeUnit? Province, bool Central, JurisdictionOrigin Origin, string? Problem = null)
{
    public bool Determined => Central || Unit is not null;

    public static ImportJurisdiction Undetermined(string problem) => new(null, null, false, JurisdictionOrigin.Heading, problem);
}

/// <summary>What an import's jurisdiction was read from.</summary>
public enum JurisdictionOrigin
{
    /// <summary>The issuer lines of the heading ("ỦY BAN NHÂN DÂN / TỈNH THÁI BÌNH", a ministry).</summary>
    Heading,
    /// <summary>The place of the date line ("Cần Thơ, ngày …"), the heading giving no locality name.</summary>
    Place,
    /// <summary>The <c>jurisdiction</c> form field.</summary>
    Request,
}

/// <summary>
/// Reads the issuer's jurisdiction from the heading against the administrative-unit lists, at the date of issue:
/// "TỈNH THÁI BÌNH" is unit 34 in 2023 and no unit in 2026. A name the lists hold several times (huyện Châu Thành)
/// is narrowed by the lines above it and otherwise left undetermined, never guessed; the caller can name the unit.
/// </summary>
internal static class IssuerJurisdictions
{
    public const string CentralValue = "central";

    public static bool IsWellFormed(string value) => value == CentralValue || UnitCodes.IsValid(value);

    public static async Task<ImportJurisdiction> ResolveAsync(
        PlanDbContext db, IssuerJurisdiction heading, DateOnly date, string? requested, List<ImportWarning> warnings, CancellationToken ct)
    {
        var read = await FromHeadingAsync(db, heading, date, ct);
        if (requested is null) return read;
        ImportJurisdiction chosen;
        if (requested == CentralValue) chosen = new(null, null, true, JurisdictionOrigin.Request);
        else
        {
            var unit = await Jurisdictions.AtAsync(db, requested, date, ct)
                ?? throw new UnprocessableException(
                    $"No administrative unit {requested} is valid on {date:yyyy-MM-dd}, the plan's date of issue: give the code of the unit as it was then.",
                    "jurisdiction");
            chosen = new(unit, await ProvinceOfAsync(db, unit, date, ct), false, JurisdictionOrigin.Request);
        }
        if (read.Determined && (read.Central != chosen.Central || read.Unit?.Code != chosen.Unit?.Code))
            warnings.Add(new ImportWarning(
                $"The heading reads as {Describe(read)}, but jurisdiction={requested} was given: agencies are matched in {Describe(chosen)}.", "file"));
        return chosen;
    }

    public static string Describe(ImportJurisdiction j) => j.Central ? "the centre (central bodies)" : j.Unit is { } u ? $"{u.FullName} ({u.Code})" : "no jurisdiction";

    private static async Task<ImportJurisdiction> FromHeadingAsync(PlanDbContext db, IssuerJurisdiction heading, DateOnly date, CancellationToken ct)
    {
        if (heading.IsCentral) return new(null, null, true, JurisdictionOrigin.Heading);
        if (heading.Localities.Count == 0)
            return ImportJurisdiction.Undetermined(
                "The issuer's jurisdiction cannot be read: the heading names no province, district or commune and no central body, and there is no place before the date. "
                + Fix);
        var locality = heading.Localities[0];
        var candidates = await CandidatesAsync(db, locality, date, ct);
        foreach (var within in heading.Localities.Skip(1))
        {
            var outer = await CandidatesAsync(db, within, date, ct);
            if (outer.Count > 0) candidates = candidates.Where(c => outer.Any(o => Contains(o, c))).ToList();
        }
        var named = heading.Source == JurisdictionSource.Place ? $"The place of the date line, \"{locality.Name}\"," : $"The heading's \"{locality}\"";
        if (candidates.Count == 0)
            return ImportJurisdiction.Undetermined(
                $"{named} is no administrative unit valid on {date:yyyy-MM-dd} (the date of issue){(heading.Localities.Count > 1 ? " within the units above it" : "")}. " + Fix);
        if (candidates.Count > 1 && candidates.Count(c => c.Level == UnitLevel.Province) == 1)
            candidates = candidates.Where(c => c.Level == UnitLevel.Province).ToList();
        if (candidates.Count > 1)
        {
            var provinces = await ProvincesAsync(db, candidates.Select(c => c.ProvinceCode), date, ct);
            var list = string.Join("; ", candidates.Take(12).Select(c =>
                $"{c.Code} {c.FullName}" + (c.Level == UnitLevel.Province ? "" : $" ({provinces.GetValueOrDefault(c.ProvinceCode)?.FullName ?? c.ProvinceCode})")));
            return ImportJurisdiction.Undetermined(
                $"{named} names {candidates.Count} administrative units on {date:yyyy-MM-dd}: {list}. Send the form field jurisdiction= with the code of the issuer's unit.");
        }
        var unit = candidates[0];
        return new(unit, await ProvinceOfAsync(db, unit, date, ct), false,
            heading.Source == JurisdictionSource.Place ? JurisdictionOrigin.Place : JurisdictionOrigin.Heading);
    }

    private const string Fix =
        "Send the form field jurisdiction= with the code of the issuer's administrative unit as it was on the date of issue " +
        "(e.g. jurisdiction=34 for Tỉnh Thái Bình before 1 July 2025), or jurisdiction=central for a central body. Until then agencies are matched " +
        "only among central bodies and by full name, and the plan cannot be committed.";

    /// <summary>Units valid on <paramref name="date"/> with the locality's name, of its type (else of the levels the type can be).</summary>
    private static async Task<List<AdministrativeUnit>> CandidatesAsync(PlanDbContext db, LocalityReference locality, DateOnly date, CancellationToken ct)
    {
        var name = SearchText.Fold(locality.Name);
        if (name.Length == 0) return [];
        var suffix = " " + name;
        var units = (await db.AdministrativeUnits.AsNoTracking().ValidOn(date)
                .Where(u => u.SearchKey == name || u.SearchKey.EndsWith(suffix))
                .ToListAsync(ct))
            .Where(u => SearchText.Fold(u.Name) == name)
            .ToList();
        if (locality.Type is not { } type) return units;
        var exact = units.Where(u => SearchText.Fold(u.Type) == SearchText.Fold(type)).ToList();
        return exact.Count > 0 ? exact : units.Where(u => LevelsOf(type).Contains(u.Level)).ToList();
    }

    private static UnitLevel[] LevelsOf(string type) => SearchText.Fold(type) switch
    {
        "tinh" => [UnitLevel.Province],
        "thanh pho" => [UnitLevel.Province, UnitLevel.District],
        "huyen" or "quan" or "thi xa" => [UnitLevel.District],
        _ => [UnitLevel.Commune],
    };

    private static bool Contains(AdministrativeUnit outer, AdministrativeUnit inner) =>
        outer.Id == inner.Id || inner.ParentId == outer.Id || (outer.Level == UnitLevel.Province && inner.ProvinceCode == outer.Code);

    private static async Task<AdministrativeUnit?> ProvinceOfAsync(PlanDbContext db, AdministrativeUnit unit, DateOnly date, CancellationToken ct) =>
        unit.Level == UnitLevel.Province ? unit : await Jurisdictions.AtAsync(db, unit.ProvinceCode, date, ct);

    /// <summary>The provinces with these codes valid on <paramref name="date"/>, by code.</summary>
    public static async Task<Dictionary<string, AdministrativeUnit>> ProvincesAsync(PlanDbContext db, IEnumerable<string> codes, DateOnly date, CancellationToken ct)
    {
        var list = codes.Distinct().ToList();
        return await db.AdministrativeUnits.AsNoTracking().ValidOn(date)
            .Where(u => u.Level == UnitLevel.Province && list.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, ct);
    }
}
