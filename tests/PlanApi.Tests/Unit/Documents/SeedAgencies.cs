using System.Text.Json;
using PlanApi.Documents;

namespace PlanApi.Tests.Unit.Documents;

/// <summary>
/// The agencies of seeds/agencies.json matched as the API matches a Cần Thơ plan of 2023: in thành phố Cần Thơ (92),
/// its districts below it, central bodies, and other provinces only by name. Units come from the seeded unit list.
/// </summary>
internal sealed class SeedAgencies(JurisdictionMatcher matcher)
{
    public string? Resolve(string? name) => string.IsNullOrWhiteSpace(name) ? null : matcher.Resolve(name).Code;

    /// <summary>The plan's agency names that resolve to no agency, once each, in order.</summary>
    public IReadOnlyList<string> Unmatched(PlanDocument document) => document.AgencyNames().Where(n => Resolve(n) is null).Distinct().ToList();

    /// <summary>The seeded agencies as seen from <paramref name="provinceCode"/> before 1 July 2025.</summary>
    public static JurisdictionMatcher MatcherFor(string provinceCode)
    {
        var units = new Dictionary<string, (MatchUnit Unit, string Level, string Parent)>();
        foreach (var line in File.ReadLines(Path.Combine(SeedFiles.RepoRoot, "seeds", "administrative-units", "units-until-2025-06-30.csv")).Skip(1))
        {
            var f = line.Split(',');
            if (f[0] != "commune") units[f[1]] = (new MatchUnit(f[1], f[4], f[2]), f[0], f[5]);
        }
        var below = units.Values.Where(u => u.Parent == provinceCode).Select(u => u.Unit).ToList();
        var elsewhere = units.Values.Where(u => u.Level == "province" && u.Unit.Code != provinceCode).Select(u => u.Unit).ToList();
        var agencies = JsonDocument.Parse(File.ReadAllText(Path.Combine(SeedFiles.RepoRoot, "seeds", "agencies.json"))).RootElement
            .EnumerateArray().Select(a =>
            {
                var entry = new AgencyEntry(a.GetProperty("code").GetString()!, a.GetProperty("name").GetString()!, a.GetProperty("shortName").GetString(),
                    a.GetProperty("aliases").EnumerateArray().Select(x => x.GetString()!).ToList());
                var jurisdiction = a.TryGetProperty("jurisdictionCode", out var j) ? j.GetString() : null;
                return new LocatedAgency(entry, jurisdiction is null ? null : units[jurisdiction].Unit, jurisdiction is null);
            });
        return new JurisdictionMatcher(new MatchScope(units[provinceCode].Unit, [], below, elsewhere), agencies);
    }
}
