using Microsoft.EntityFrameworkCore;
using PlanApi.Data;
using PlanApi.Documents;
using PlanApi.Documents.Agencies;
using PlanApi.Domain;

namespace PlanApi.Features.Import;

/// <summary>
/// The units an import's names are matched in, on its date of issue: the issuer's own, those above and below it in
/// its province, and the units its names place elsewhere ("UBND huyện Vũ Thư", "UBND thành phố Hà Nội"). Each comes
/// with its province's name, which the codes of agencies created in it carry.
/// </summary>
internal sealed record ImportScope(MatchScope Scope, IReadOnlyDictionary<string, HomeUnit> Homes, IReadOnlySet<LocalityReference> Unplaced)
{
    public static MatchUnit ToMatch(AdministrativeUnit unit) => new(unit.Code, unit.Type, unit.Name);

    public static async Task<ImportScope> LoadAsync(
        PlanDbContext db, ImportJurisdiction jurisdiction, DateOnly date, IReadOnlyList<string> names, CancellationToken ct)
    {
        var homes = new Dictionary<string, HomeUnit>(StringComparer.Ordinal);
        List<AdministrativeUnit> above = [], below = [], provinceUnits = [];
        if (jurisdiction is { Unit: { } unit, Province: { } province })
        {
            provinceUnits = await db.AdministrativeUnits.AsNoTracking()
                .ValidOn(date).Where(u => u.ProvinceCode == province.Code)
                .ToListAsync(ct);
            var byId = provinceUnits.ToDictionary(u => u.Id);
            List<AdministrativeUnit> Ancestors(AdministrativeUnit u)
            {
                var chain = new List<AdministrativeUnit>();
                for (var id = u.ParentId; id is { } parentId && byId.TryGetValue(parentId, out var parent); id = parent.ParentId) chain.Add(parent);
                return chain;
            }
            above = Ancestors(unit);
            below = provinceUnits.Where(u => Ancestors(u).Any(a => a.Id == unit.Id)).ToList();
            foreach (var u in below.Concat(above).Append(unit)) homes[u.Code] = new HomeUnit(u, province.Name);
        }

        // Units the names write with level and name that are not the issuer's, nor above or below it.
        var unplaced = new HashSet<LocalityReference>();
        var elsewhere = new List<AdministrativeUnit>();
        var wanted = new List<LocalityReference>();
        foreach (var reference in names.SelectMany(Localities.Find).Where(l => l.Name is not null).Distinct())
        {
            var inProvince = provinceUnits.Where(u => Is(u, reference)).ToList();
            if (inProvince.Count == 1 && !homes.ContainsKey(inProvince[0].Code)) elsewhere.Add(inProvince[0]);
            else if (inProvince.Count > 1) unplaced.Add(reference);
            else if (inProvince.Count == 0) wanted.Add(reference);
        }
        if (wanted.Count > 0)
        {
            var keys = wanted.Select(FullNameKey).Distinct().ToList();
            var found = await db.AdministrativeUnits.AsNoTracking()
                .ValidOn(date).Where(u => keys.Contains(u.SearchKey))
                .ToListAsync(ct);
            foreach (var reference in wanted)
            {
                var units = found.Where(u => Is(u, reference)).ToList();
                if (units.Count == 1) elsewhere.Add(units[0]);
                else unplaced.Add(reference);
            }
        }
        elsewhere = elsewhere.DistinctBy(u => u.Code).Where(u => !homes.ContainsKey(u.Code)).ToList();
        var provinces = await IssuerJurisdictions.ProvincesAsync(db, elsewhere.Select(u => u.ProvinceCode), date, ct);
        foreach (var u in elsewhere) homes[u.Code] = new HomeUnit(u, provinces.GetValueOrDefault(u.ProvinceCode)?.Name ?? u.ProvinceCode);

        var scope = new MatchScope(jurisdiction.Unit is { } own ? ToMatch(own) : null,
            above.Select(ToMatch).ToList(), below.Select(ToMatch).ToList(), elsewhere.Select(ToMatch).ToList());
        return new ImportScope(scope, homes, unplaced);
    }

    private static string FullNameKey(LocalityReference l) => SearchText.Fold($"{l.Type} {l.Name}");

    private static bool Is(AdministrativeUnit unit, LocalityReference l) =>
        SearchText.Fold(unit.Type) == SearchText.Fold(l.Type) && SearchText.Fold(unit.Name) == SearchText.Fold(l.Name);
}
