using System.Text;
using System.Text.RegularExpressions;
using PlanApi.Documents.Parsing;

namespace PlanApi.Documents.Agencies;

/// <summary>
/// Finds the localities a name is written with ("ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH", "Huyện ủy Kiến Xương",
/// "UBND phường Ninh Kiều", "Ban TĐKT tỉnh") and tells central bodies (Chính phủ, a ministry, "… Trung ương").
/// Only the level words as written with their diacritics count, so "quản lý" is not a quận and "xã hội" is not a xã.
/// </summary>
public static partial class Localities
{
    // Folded level word → the type as the unit lists write it, and the word as it must be written.
    private static readonly Dictionary<string, (string Type, string Written)> Levels = new(StringComparer.Ordinal)
    {
        ["tinh"] = ("Tỉnh", "tỉnh"),
        ["thanh pho"] = ("Thành phố", "thành phố"),
        ["tp"] = ("Thành phố", "tp"),
        ["huyen"] = ("Huyện", "huyện"),
        ["quan"] = ("Quận", "quận"),
        ["thi xa"] = ("Thị xã", "thị xã"),
        ["tx"] = ("Thị xã", "tx"),
        ["thi tran"] = ("Thị trấn", "thị trấn"),
        ["xa"] = ("Xã", "xã"),
        ["phuong"] = ("Phường", "phường"),
        ["dac khu"] = ("Đặc khu", "đặc khu"),
    };

    // "Tỉnh ủy", "Thành đoàn", "Huyện đội": the Party committee, Youth Union or military command of a unit.
    private static readonly Dictionary<string, (string Type, string Written)> BodyLevels = new(StringComparer.Ordinal)
    {
        ["tinh"] = ("Tỉnh", "tỉnh"),
        ["thanh"] = ("Thành phố", "thành"),
        ["huyen"] = ("Huyện", "huyện"),
        ["quan"] = ("Quận", "quận"),
        ["thi"] = ("Thị xã", "thị"),
    };

    /// <summary>The folded level words of the unit lists' types ("tinh", "thanh pho" …), for suffix checks.</summary>
    internal static IReadOnlyCollection<string> LevelKeys { get; } =
        Levels.Where(l => l.Key is not ("tp" or "tx")).Select(l => l.Key).ToHashSet();

    /// <summary>The localities written in <paramref name="text"/>, in the order written.</summary>
    public static IReadOnlyList<LocalityReference> Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        text = VietnameseText.Collapse(text.Normalize(NormalizationForm.FormC));
        var folded = VietnameseText.Fold(text);
        // A text written without any diacritics cannot tell "quận" from "quan": take its words as they are.
        var plain = !text.Any(c => c > 0x7F && char.IsLetter(c));
        var words = new List<(int Start, int End, string Type)>();
        foreach (Match m in LevelWord().Matches(folded))
        {
            var body = m.Groups["body"];
            var (type, written) = body.Success ? BodyLevels[body.Value] : Levels[m.Groups["level"].Value];
            var group = body.Success ? body : m.Groups["level"];
            if (!plain && !text.Substring(group.Index, group.Length).ToLowerInvariant().Equals(written, StringComparison.Ordinal)) continue;
            words.Add((m.Index, m.Index + m.Length, type));
        }
        var allCaps = VietnameseText.IsUpperText(text);
        var found = new List<LocalityReference>();
        for (var i = 0; i < words.Count; i++)
        {
            var end = i + 1 < words.Count ? words[i + 1].Start : text.Length;
            found.Add(new(words[i].Type, NameIn(text[words[i].End..end], allCaps)));
        }
        return found;
    }

    /// <summary>
    /// Whether <paramref name="name"/> is a central body: Chính phủ, Thủ tướng, a ministry (Bộ …), Quốc hội, the
    /// Party's central organs, anything "Trung ương" or national ("… Việt Nam"), and it names no locality.
    /// </summary>
    public static bool IsCentralBody(string? name) =>
        !string.IsNullOrWhiteSpace(name) && Find(name).Count == 0 && CentralName().IsMatch(AgencyNameKey.Exact(name));

    /// <summary>
    /// The jurisdiction of an issuer from its heading lines (general first, the issuer last, as printed) and the
    /// place of the date line. The issuer's own line wins; a line above it (its parent) serves when the issuer
    /// names no locality ("UBND TỈNH THÁI BÌNH" / "SỞ NỘI VỤ"); the place serves when neither does.
    /// </summary>
    internal static IssuerJurisdiction OfIssuer(IReadOnlyList<string> headingNames, string? place, bool implied)
    {
        var localities = new List<LocalityReference>();
        foreach (var name in headingNames.Reverse())
        {
            var found = Find(name);
            if (found.Count > 0) localities.AddRange(found);
            else if (localities.Count == 0 && CentralName().IsMatch(AgencyNameKey.Exact(name))) return IssuerJurisdiction.Central;
        }
        var source = implied ? JurisdictionSource.Place : JurisdictionSource.Heading;
        if (localities.Count > 0 && localities[0].Name is null)
        {
            if (place is null) return IssuerJurisdiction.Unknown;
            localities[0] = localities[0] with { Name = place };
            source = JurisdictionSource.Place;
        }
        localities.RemoveAll(l => l.Name is null);
        if (localities.Count > 0) return new(source, localities);
        return place is null ? IssuerJurisdiction.Unknown : new(JurisdictionSource.Place, [new LocalityReference(null, place)]);
    }

    /// <summary>The proper name after a level word: capitalised words (all words, in a name written in capitals).</summary>
    private static string? NameIn(string segment, bool allCaps)
    {
        var cut = segment.IndexOfAny([',', ';', ':', '(', ')', '/']);
        if (cut >= 0) segment = segment[..cut];
        int start = -1, end = -1;
        foreach (Match word in NameWord().Matches(segment))
        {
            if (!allCaps && !(char.IsUpper(word.Value[0]) || char.IsDigit(word.Value[0]))) break;
            if (start < 0) start = word.Index;
            end = word.Index + word.Length;
        }
        if (start < 0) return null;
        var name = segment[start..end];
        return allCaps ? VietnameseText.TitleCase(name) : name;
    }

    // Longer alternatives first; "xã hội" (social) is a word, not a commune.
    [GeneratedRegex(@"\b(?:(?<body>tinh|thanh|huyen|quan|thi)\s+(?:uy|doan|doi)|(?<level>thanh pho|thi xa|thi tran|dac khu|tinh|huyen|quan|xa(?!\s+hoi\b)|phuong|tp|tx))\b\.?")]
    private static partial Regex LevelWord();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex NameWord();

    // On AgencyNameKey.Exact keys: folded, abbreviations expanded (TW → trung uong).
    [GeneratedRegex(@"^(?:(?:thu tuong )?chinh phu$|(?:van phong |uy ban thuong vu )?(?:chinh phu|quoc hoi|chu tich nuoc)\b|bo\b|ban bi thu\b|uy ban dan toc\b|(?:toa an|vien kiem sat) nhan dan toi cao\b|kiem toan nha nuoc\b|ngan hang nha nuoc\b)|\btrung uong\b|\bviet nam$")]
    private static partial Regex CentralName();
}
