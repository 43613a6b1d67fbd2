using System.Text.RegularExpressions;
using PlanApi.Documents;
using PlanApi.Documents.Agencies;
using PlanApi.Domain;

namespace PlanApi.Features.Import;

/// <summary>An agency a commit creates, unverified, for a name no agency matched.</summary>
/// <param name="WrittenName">The name as the document writes it (first spelling).</param>
/// <param name="Name">The name it gets, with its locality: "Sở Nội vụ tỉnh Thái Bình".</param>
/// <param name="JurisdictionCode">Its unit; null for a central body.</param>
/// <param name="CollectiveScope">For a collective assignee ("các sở, ban, ngành"): which agencies of the unit it names.</param>
internal sealed record ProvisionalAgency(
    string WrittenName, string Code, string Name, AgencyKind Kind, string? JurisdictionCode, string? JurisdictionProvinceCode,
    CollectiveScope? CollectiveScope = null);

/// <summary>A unit an agency can belong to, with the name of its province (for codes: "huyen-kien-xuong-thai-binh").</summary>
internal sealed record HomeUnit(AdministrativeUnit Unit, string ProvinceName)
{
    public string Slug => AgencyCodes.JurisdictionSlug(Unit, ProvinceName);
}

/// <summary>
/// How an unmatched name becomes an agency: a code and a name that carry its jurisdiction, so that two provinces'
/// "Ban Tuyên giáo Tỉnh ủy" are two agencies, and a kind read from the name. Pure rules, no store.
/// </summary>
internal static partial class ProvisionalAgencies
{
    /// <summary>"Ban TĐKT tỉnh" of Thái Bình → ban-tdkt-thai-binh; "Ủy ban nhân dân" → ubnd-…, as the committees the seed generates.</summary>
    public static string CodeFor(string written, HomeUnit? home)
    {
        if (home is null) return AgencyCodes.ForName(written, AgencyCodes.CentralSuffix);
        var local = AgencyCodes.Slug(WithoutLocality(written, home.Unit).Local);
        foreach (var (full, abbreviation) in new[] { ("uy-ban-nhan-dan", "ubnd"), ("hoi-dong-nhan-dan", "hdnd") })
            if (local == full || local.StartsWith(full + "-", StringComparison.Ordinal)) local = abbreviation + local[full.Length..];
        return AgencyCodes.ForName(local.Replace('-', ' '), home.Slug);
    }

    /// <summary>
    /// The name with its locality: "Sở Nội vụ" → "Sở Nội vụ tỉnh Thái Bình", "Ban TĐKT tỉnh" → "Ban TĐKT tỉnh Thái Bình",
    /// "Ban Tuyên giáo Tỉnh ủy" → "Ban Tuyên giáo Tỉnh ủy Thái Bình"; a name written in capitals in sentence case.
    /// </summary>
    public static string NameFor(string written, HomeUnit? home)
    {
        written = Whitespace().Replace(written, " ").Trim();
        if (home is null) return written;
        var unit = home.Unit;
        var (local, mention) = WithoutLocality(written, unit);
        if (written.Any(char.IsLetter) && !written.Any(char.IsLower))
        {
            // A heading's "UBND HUYỆN KIẾN XƯƠNG": the committee's name in full, the rest in sentence case.
            var lower = CapitalsAbbreviation().Replace(local, m => m.Value.StartsWith('U') ? "ủy ban nhân dân" : "hội đồng nhân dân").ToLowerInvariant();
            (written, mention) = (lower.Length == 0 ? lower : char.ToUpperInvariant(lower[0]) + lower[1..], LocalityMention.None);
        }
        if (mention >= LocalityMention.Name) return written;
        // "tỉnh" is written ("Ban TĐKT tỉnh", "Tỉnh ủy"): the unit's name completes it.
        var levelWritten = mention == LocalityMention.Level
            || Localities.Find(written).Any(l => l.Name is null && SearchText.Fold(l.Type) == SearchText.Fold(unit.Type));
        return levelWritten ? $"{written} {unit.Name}" : $"{written} {unit.FullNameInText()}".Trim();
    }

    /// <summary>The kind a name suggests; the board corrects it when it verifies the agency.</summary>
    public static AgencyKind KindFor(string name, bool central)
    {
        if (central) return AgencyKind.CentralBody;
        var folded = " " + SearchText.Fold(name) + " ";
        if (Starts(folded, "ubnd", "uy ban nhan dan")) return AgencyKind.Government;
        if (Starts(folded, "hdnd", "hoi dong")) return AgencyKind.Council;
        if (PartyWords().IsMatch(folded)) return AgencyKind.PartyBody;
        if (Starts(folded, "bao", "dai", "cong thong tin", "cong ttdt", "tap chi")) return AgencyKind.Press;
        if (Starts(folded, "doan dai bieu")) return AgencyKind.Department;
        if (Starts(folded, "mat tran", "uy ban mat tran", "uy ban mttq", "mttq", "hoi", "doan", "lien doan", "lien hiep", "tinh doan", "thanh doan"))
            return AgencyKind.MassOrganisation;
        return AgencyKind.Department;
    }

    /// <summary>
    /// The written name without the unit's locality at its end ("Sở Nội vụ tỉnh Thái Bình", "Ban TĐKT tỉnh",
    /// "Báo Thái Bình" → "Sở Nội vụ", "Ban TĐKT", "Báo"), and how much of it was written.
    /// </summary>
    public static (string Local, LocalityMention Mention) WithoutLocality(string written, AdministrativeUnit unit)
    {
        var words = Word().Matches(written).ToList();
        var folded = words.Select(w => SearchText.Fold(w.Value)).ToList();
        var type = SearchText.Fold(unit.Type).Split(' ');
        var name = SearchText.Fold(unit.Name).Split(' ');
        string[] abbreviation = type is ["thanh", "pho"] ? ["tp"] : type is ["thi", "xa"] ? ["tx"] : type;
        bool EndsWith(int count, params string[][] parts)
        {
            var tail = parts.SelectMany(p => p).ToArray();
            return count >= tail.Length && folded.Skip(count - tail.Length).Take(tail.Length).SequenceEqual(tail);
        }
        var n = folded.Count;
        int keep;
        LocalityMention mention;
        if (EndsWith(n, type, name) || EndsWith(n, abbreviation, name))
            (keep, mention) = (n - name.Length - (EndsWith(n, type, name) ? type.Length : abbreviation.Length), LocalityMention.LevelAndName);
        else if (EndsWith(n, name) && !Levels.Any(l => EndsWith(n - name.Length, l)))
            (keep, mention) = (n - name.Length, LocalityMention.Name);
        else if (EndsWith(n, type) || EndsWith(n, abbreviation))
            (keep, mention) = (n - (EndsWith(n, type) ? type.Length : abbreviation.Length), LocalityMention.Level);
        else return (written.Trim(), LocalityMention.None);
        var local = keep == 0 ? "" : written[..(words[keep - 1].Index + words[keep - 1].Length)].Trim();
        return (local, mention);
    }

    private static readonly string[][] Levels =
        new[] { "tinh", "thanh pho", "tp", "huyen", "quan", "thi xa", "tx", "thi tran", "xa", "phuong", "dac khu" }
            .Select(l => l.Split(' ')).ToArray();

    private static bool Starts(string padded, params string[] prefixes) => prefixes.Any(p => padded.StartsWith($" {p} ", StringComparison.Ordinal));

    [GeneratedRegex(@" (?:tinh|thanh|huyen|quan|thi|dang) uy | dang bo | tu $")]
    private static partial Regex PartyWords();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(?:UBND|HĐND)\b")]
    private static partial Regex CapitalsAbbreviation();
}
