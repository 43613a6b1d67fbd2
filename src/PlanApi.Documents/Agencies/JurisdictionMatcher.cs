using PlanApi.Documents.Agencies;

namespace PlanApi.Documents;

/// <summary>An administrative unit as the matcher sees it on the plan's date: code, type ("Tỉnh") and name ("Thái Bình").</summary>
public sealed record MatchUnit(string Code, string Type, string Name);

/// <summary>An agency with the unit it serves on the plan's date; <paramref name="Unit"/> is null for a central body.</summary>
/// <param name="CentralBody">Matched among central bodies (a central agency the issuer may name by any of its names).</param>
public sealed record LocatedAgency(AgencyEntry Agency, MatchUnit? Unit, bool CentralBody = false);

/// <summary>
/// Where the issuer sits on the plan's date. <paramref name="Own"/> is null for a central issuer. <paramref name="Above"/>
/// runs nearest first (a commune's district, then its province). <paramref name="Elsewhere"/> holds units the
/// document names outside the issuer's own (another province: "UBND thành phố Hà Nội").
/// </summary>
public sealed record MatchScope(MatchUnit? Own, IReadOnlyList<MatchUnit> Above, IReadOnlyList<MatchUnit> Below, IReadOnlyList<MatchUnit> Elsewhere);

/// <summary>How much of a unit's locality a name writes at its end.</summary>
public enum LocalityMention
{
    None,
    /// <summary>"Ban TĐKT tỉnh".</summary>
    Level,
    /// <summary>"Báo Thái Bình".</summary>
    Name,
    /// <summary>"Sở Nội vụ tỉnh Thái Bình".</summary>
    LevelAndName,
}

/// <summary>What a name resolved to.</summary>
/// <param name="Code">The agency, when exactly one matched in the first tier that matched at all.</param>
/// <param name="Ambiguous">The agencies of that tier when more than one matched.</param>
/// <param name="Home">The unit the name belongs to (where an unmatched name becomes an agency); null with <paramref name="Central"/>.</param>
/// <param name="Central">The name is a central body's, or the issuer is central and the name names no unit.</param>
/// <param name="LocalKey">The comparison key without the home unit's locality: two spellings of one agency share it.</param>
public sealed record AgencyMatch(string? Code, IReadOnlyList<string> Ambiguous, MatchUnit? Home, bool Central, string LocalKey);

/// <summary>
/// Resolves agency names inside a jurisdiction, so that "Sở Nội vụ" in Thái Bình's plan is never Cần Thơ's. Tiers,
/// first match wins: the issuer's own unit; the units above it (nearest first); the units below it, when the name
/// writes their locality ("UBND quận Ninh Kiều"); central bodies; units the name places elsewhere ("UBND thành phố
/// Hà Nội"); last, any agency by its full official name when that name carries its locality. Within a unit a name
/// matches with or without the unit's locality ("UBND tỉnh" is "Ủy ban nhân dân tỉnh Thái Bình" in Thái Bình).
/// Names compare by <see cref="Agencies.AgencyNameKey"/>: case, NFC/NFD, punctuation, "và", a role parenthesis and the
/// usual abbreviations (TĐKT, UBND, HĐND, TP, TU, GD&amp;ĐT …) do not matter. There is deliberately no matcher over all
/// agencies at once: without a jurisdiction "Sở Nội vụ" is anybody's.
/// </summary>
public sealed class JurisdictionMatcher
{
    private readonly MatchScope _scope;
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _byUnit = [];
    private readonly Dictionary<string, HashSet<string>> _central = [];
    private readonly Dictionary<string, HashSet<string>> _fullNames = [];
    private readonly Dictionary<string, AgencyNameKey.UnitKey> _unitKeys = [];

    public JurisdictionMatcher(MatchScope scope, IEnumerable<LocatedAgency> agencies)
    {
        _scope = scope;
        foreach (var located in agencies)
        {
            var agency = located.Agency;
            if (located.Unit is { } unit)
            {
                var unitKey = KeyOf(unit);
                if (!_byUnit.TryGetValue(unit.Code, out var index)) _byUnit[unit.Code] = index = [];
                foreach (var name in agency.AllNames) Add(index, AgencyNameKey.WithoutLocality(AgencyNameKey.Exact(name), unitKey).Key, agency.Code);
                var official = AgencyNameKey.Exact(agency.Name);
                if (AgencyNameKey.WithoutLocality(official, unitKey).Mention >= LocalityMention.Name) Add(_fullNames, official, agency.Code);
            }
            else if (located.CentralBody)
            {
                foreach (var name in agency.AllNames) Add(_central, AgencyNameKey.Exact(name), agency.Code);
            }
        }
    }

    public AgencyMatch Resolve(string name)
    {
        var key = AgencyNameKey.Exact(name);
        var home = Home(name, key);
        var central = home is null;
        var localKey = home is null ? key : AgencyNameKey.WithoutLocality(key, KeyOf(home)).Key;
        foreach (var tier in Tiers(key))
        {
            var hits = tier.ToList();
            if (hits.Count > 0) return new(hits.Count == 1 ? hits[0] : null, hits.Count > 1 ? hits.Order(StringComparer.Ordinal).ToList() : [], home, central, localKey);
        }
        return new(null, [], home, central, localKey);
    }

    private IEnumerable<IEnumerable<string>> Tiers(string key)
    {
        if (key.Length == 0) yield break;
        yield return _scope.Own is { } own ? InUnit(key, own, LocalityMention.None) : Lookup(_central, key);
        foreach (var above in _scope.Above) yield return InUnit(key, above, LocalityMention.None);
        yield return _scope.Below.SelectMany(u => InUnit(key, u, LocalityMention.Name)).Distinct();
        if (_scope.Own is not null) yield return Lookup(_central, key);
        yield return _scope.Elsewhere.SelectMany(u => InUnit(key, u, LocalityMention.LevelAndName)).Distinct();
        yield return Lookup(_fullNames, key);
    }

    private IEnumerable<string> InUnit(string key, MatchUnit unit, LocalityMention atLeast)
    {
        var (local, mention) = AgencyNameKey.WithoutLocality(key, KeyOf(unit));
        if (mention < atLeast || !_byUnit.TryGetValue(unit.Code, out var index)) return [];
        return Lookup(index, local);
    }

    /// <summary>
    /// The unit a name belongs to: the one its locality names ("UBND huyện Vũ Thư", "Ban Tuyên giáo Tỉnh ủy", "Sở …
    /// tỉnh"), a department (Sở) at its province, a central body's name at the centre, else the issuer's own unit.
    /// </summary>
    private MatchUnit? Home(string name, string key)
    {
        if (Localities.IsCentralBody(name)) return null;
        var chain = _scope.Own is null ? _scope.Above : _scope.Above.Prepend(_scope.Own).ToList();
        foreach (var locality in Localities.Find(name))
        {
            var type = AgencyNameKey.Exact(locality.Type!);
            var named = locality.Name is null
                ? chain.FirstOrDefault(u => KeyOf(u).Type == type)
                : chain.Concat(_scope.Below).Concat(_scope.Elsewhere)
                    .FirstOrDefault(u => KeyOf(u) == new AgencyNameKey.UnitKey(type, AgencyNameKey.Exact(locality.Name)));
            if (named is not null) return named;
        }
        // Departments (sở) exist only at the province: a district's plan that writes "Sở Nội vụ" means its province's.
        if (key.StartsWith("so ", StringComparison.Ordinal) && _scope.Above.Count > 0) return _scope.Above[^1];
        return _scope.Own;
    }

    private AgencyNameKey.UnitKey KeyOf(MatchUnit unit)
    {
        if (!_unitKeys.TryGetValue(unit.Code, out var key)) _unitKeys[unit.Code] = key = AgencyNameKey.UnitKey.Of(unit.Type, unit.Name);
        return key;
    }

    private static IEnumerable<string> Lookup(Dictionary<string, HashSet<string>> index, string key) =>
        index.TryGetValue(key, out var codes) ? codes : [];

    private static void Add(Dictionary<string, HashSet<string>> index, string key, string code)
    {
        if (key.Length == 0) return;
        if (!index.TryGetValue(key, out var codes)) index[key] = codes = [];
        codes.Add(code);
    }
}
