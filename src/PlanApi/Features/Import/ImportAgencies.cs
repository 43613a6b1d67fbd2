using Microsoft.EntityFrameworkCore;
using PlanApi.Data;
using PlanApi.Documents;
using PlanApi.Documents.Agencies;
using PlanApi.Domain;

namespace PlanApi.Features.Import;

/// <summary>
/// What each agency name of a document resolves to, inside the import's jurisdiction and among the agencies valid on
/// its date of issue: an agency's code, or the provisional agency a commit creates (once per agency, however often
/// and however spelt the document names it).
/// </summary>
internal sealed class ImportAgencies
{
    /// <summary>The code an unmatched name shows while the jurisdiction is unknown: no agency can have it ('?' is no code character).</summary>
    public const string PendingPrefix = "?";

    private readonly Dictionary<string, string> _codes = new(StringComparer.Ordinal);

    public List<ProvisionalAgency> Provisional { get; } = [];
    public List<ImportWarning> Warnings { get; } = [];

    public string CodeOf(string name) => _codes[name];

    public static async Task<ImportAgencies> ResolveAsync(
        PlanDbContext db, PlanDocument document, ImportJurisdiction jurisdiction, DateOnly date, CancellationToken ct)
    {
        // Collectives the API cannot list as a set ("các doanh nghiệp") stay in the executing-units text only.
        var unlisted = document.Items.SelectMany(i => i.CollectiveNames).Where(n => CollectiveSets.Recognize(n) is null).ToHashSet(StringComparer.Ordinal);
        var names = document.AgencyNames().Where(n => !unlisted.Contains(n)).Distinct().ToList();
        var sets = await db.Agencies.AsNoTracking().ValidOn(date)
            .Where(a => a.Kind == AgencyKind.Collective)
            .Select(a => new { a.Code, a.JurisdictionCode, a.CollectiveScope }).ToListAsync(ct);
        var scope = await ImportScope.LoadAsync(db, jurisdiction, date, names, ct);
        var matcher = new JurisdictionMatcher(scope.Scope, await AgenciesAsync(db, jurisdiction, date, ct));
        var taken = (await db.Agencies.AsNoTracking().Select(a => a.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var result = new ImportAgencies();
        var byKey = new Dictionary<string, ProvisionalAgency>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (CollectiveSets.Recognize(name) is { } setScope && jurisdiction.Unit is { } issuerUnit && jurisdiction.Province is { } province)
            {
                // A set is the issuer's: "các sở, ban, ngành" of a province's plan are that province's departments.
                var setKey = $"set|{issuerUnit.Code}|{setScope}";
                var existing = sets.FirstOrDefault(s => s.JurisdictionCode == issuerUnit.Code && s.CollectiveScope == setScope);
                if (existing is not null)
                {
                    result._codes[name] = existing.Code;
                    continue;
                }
                if (!byKey.TryGetValue(setKey, out var set))
                {
                    var issuerHome = new HomeUnit(issuerUnit, province.Name);
                    var setName = CollectiveSets.Name(setScope);
                    var setCode = AgencyCodes.Unique(AgencyCodes.ForName(setName, issuerHome.Slug), taken.Contains);
                    taken.Add(setCode);
                    set = new ProvisionalAgency(name, setCode, $"{setName} {issuerUnit.FullNameInText()}",
                        AgencyKind.Collective, issuerUnit.Code, issuerUnit.ProvinceCode, setScope);
                    byKey[setKey] = set;
                    result.Provisional.Add(set);
                }
                result._codes[name] = set.Code;
                continue;
            }
            var match = matcher.Resolve(name);
            if (match.Code is { } code)
            {
                result._codes[name] = code;
                continue;
            }
            // Without a jurisdiction there is no code to give: a placeholder shows which names would need one.
            var home = match.Central || !jurisdiction.Determined ? null : scope.Homes[match.Home!.Code];
            var key = !jurisdiction.Determined ? PendingPrefix + match.LocalKey : $"{home?.Unit.Code ?? AgencyCodes.CentralSuffix}|{match.LocalKey}";
            if (!byKey.TryGetValue(key, out var provisional))
            {
                var newCode = jurisdiction.Determined
                    ? AgencyCodes.Unique(ProvisionalAgencies.CodeFor(name, home), taken.Contains)
                    : PendingPrefix + AgencyCodes.Slug(name);
                taken.Add(newCode);
                provisional = new ProvisionalAgency(name, newCode, ProvisionalAgencies.NameFor(name, home),
                    ProvisionalAgencies.KindFor(name, home is null && jurisdiction.Determined), home?.Unit.Code, home?.Unit.ProvinceCode);
                byKey[key] = provisional;
                result.Provisional.Add(provisional);
            }
            result._codes[name] = provisional.Code;
            if (match.Ambiguous.Count > 0)
                result.Warnings.Add(new ImportWarning(
                    $"\"{name}\" matches several agencies ({string.Join(", ", match.Ambiguous)}), so none is chosen and committing creates {provisional.Code}: " +
                    "end, rename or merge the duplicates first.", "file"));
            else if (jurisdiction.Determined && Localities.Find(name).FirstOrDefault(l => l.Name is not null && scope.Unplaced.Contains(l)) is { } unplaced)
                result.Warnings.Add(new ImportWarning(
                    $"\"{name}\" names {unplaced}, which is not one administrative unit on {date:yyyy-MM-dd}: committing creates {provisional.Code} " +
                    $"in {(home is null ? "the centre" : home.Unit.FullName)}. Check it.", "file"));
        }
        return result;
    }

    /// <summary>
    /// The agencies valid on the date, each with its unit. Agencies without a unit count as central bodies only when
    /// verified or created as central by an import; older unverified agencies without a jurisdiction match nothing.
    /// </summary>
    private static async Task<List<LocatedAgency>> AgenciesAsync(PlanDbContext db, ImportJurisdiction jurisdiction, DateOnly date, CancellationToken ct)
    {
        var rows = await db.Agencies.AsNoTracking().ValidOn(date)
            .Select(a => new { a.Code, a.Name, a.ShortName, a.Aliases, a.FormerNames, a.JurisdictionCode, a.Verified, a.Kind })
            .ToListAsync(ct);
        var unitCodes = rows.Select(r => r.JurisdictionCode).OfType<string>().Distinct().ToList();
        var units = await db.AdministrativeUnits.AsNoTracking().ValidOn(date)
            .Where(u => unitCodes.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => ImportScope.ToMatch(u), ct);
        return rows.Select(r => new LocatedAgency(
                new AgencyEntry(r.Code, r.Name, r.ShortName, r.Aliases, r.FormerNames),
                r.JurisdictionCode is { } code ? units.GetValueOrDefault(code) : null,
                r.JurisdictionCode is null && (r.Verified
                    || (r.Kind == AgencyKind.CentralBody && (jurisdiction.Central || Localities.IsCentralBody(r.Name))))))
            .ToList();
    }
}
