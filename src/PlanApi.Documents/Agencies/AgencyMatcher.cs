using PlanApi.Documents.Agencies;

namespace PlanApi.Documents;

/// <summary>An agency the matcher knows: its code and every name it goes by (former names too, for older plans).</summary>
public sealed record AgencyEntry(
    string Code, string Name, string? ShortName = null, IReadOnlyList<string>? Aliases = null, IReadOnlyList<string>? FormerNames = null)
{
    public IEnumerable<string> AllNames =>
        new[] { Name, ShortName }.Concat(Aliases ?? []).Concat(FormerNames ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!);
}

/// <summary>
/// Resolves agency names as written in a plan to known agency codes, ignoring case, NFC/NFD, punctuation
/// ("TĐ-KT"/"TĐKT"), "và", a role parenthesis after the name, and the usual abbreviations (TĐKT, UBND, HĐND,
/// TP, TU, GD&amp;ĐT …). A name that matches no agency, or more than one, resolves to null.
/// </summary>
public sealed class AgencyMatcher
{
    private readonly Dictionary<string, HashSet<string>> _exact = [];
    private readonly Dictionary<string, HashSet<string>> _loose = [];

    public AgencyMatcher(IEnumerable<AgencyEntry> agencies)
    {
        foreach (var agency in agencies)
        {
            foreach (var name in agency.AllNames)
            {
                var key = AgencyNameKey.Exact(name);
                Add(_exact, key, agency.Code);
                Add(_loose, AgencyNameKey.Loose(key), agency.Code);
            }
        }
    }

    /// <summary>The code of the agency <paramref name="name"/> refers to, or null.</summary>
    public string? Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var key = AgencyNameKey.Exact(name);
        if (key.Length == 0) return null;
        if (_exact.TryGetValue(key, out var codes)) return codes.Count == 1 ? codes.First() : null;
        return _loose.TryGetValue(AgencyNameKey.Loose(key), out codes) && codes.Count == 1 ? codes.First() : null;
    }

    /// <summary>
    /// The agency names of a plan (issuer, legal-basis issuers, leads, co-operating agencies, duty agencies) that
    /// resolve to no known agency, once each in order of appearance: what an import preview lists.
    /// </summary>
    public IReadOnlyList<string> Unmatched(PlanDocument document)
    {
        var seen = new HashSet<string>();
        return document.AgencyNames().Where(n => Resolve(n) is null && seen.Add(AgencyNameKey.Exact(n))).ToList();
    }

    private static void Add(Dictionary<string, HashSet<string>> index, string key, string code)
    {
        if (key.Length == 0) return;
        if (!index.TryGetValue(key, out var codes)) index[key] = codes = [];
        codes.Add(code);
    }
}
