using System.Text;
using System.Text.RegularExpressions;
using PlanApi.Documents.Parsing;

namespace PlanApi.Documents.Agencies;

/// <summary>
/// The comparison key of an agency name: abbreviations expanded (TĐKT, UBND, HĐND, TP, TU, GD&amp;ĐT …), then
/// case, diacritics (NFC or NFD), punctuation and "và" dropped. "Ban TĐ-KT Trung ương", "Ban TĐKT TW" and
/// "Ban Thi đua - Khen thưởng Trung ương" share one key.
/// </summary>
internal static partial class AgencyNameKey
{
    /// <summary>A unit's level word and name as keys: ("tinh", "thai binh").</summary>
    public sealed record UnitKey(string Type, string Name)
    {
        public static UnitKey Of(string type, string name) => new(Exact(type), Exact(name));
    }

    // Keys are the abbreviation in capitals, pieces joined ("TĐ-KT" and "GD&ĐT" are read as "TĐKT", "GDĐT").
    // Case matters: "TU" is Thành ủy while "TƯ" is Trung ương, and "tu" in running text is a word.
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["TĐKT"] = "Thi đua Khen thưởng",
        ["HĐTĐKT"] = "Hội đồng Thi đua Khen thưởng",
        ["UBND"] = "Ủy ban nhân dân",
        ["HĐND"] = "Hội đồng nhân dân",
        ["UB"] = "Ủy ban",
        ["HĐ"] = "Hội đồng",
        ["TP"] = "thành phố",
        ["Tp"] = "thành phố",
        ["TU"] = "Thành ủy",
        ["TƯ"] = "Trung ương",
        ["TW"] = "Trung ương",
        ["GDĐT"] = "Giáo dục và Đào tạo",
        ["VP"] = "Văn phòng",
        ["MTTQ"] = "Mặt trận Tổ quốc",
        ["MTTQVN"] = "Mặt trận Tổ quốc Việt Nam",
        ["VN"] = "Việt Nam",
        ["TTĐT"] = "thông tin điện tử",
        ["TTTT"] = "Thông tin và Truyền thông",
        ["ĐBQH"] = "đại biểu Quốc hội",
        ["LĐTBXH"] = "Lao động Thương binh và Xã hội",
        ["VHTTDL"] = "Văn hóa Thể thao và Du lịch",
        ["KHĐT"] = "Kế hoạch và Đầu tư",
        ["TNMT"] = "Tài nguyên và Môi trường",
        ["NNPTNT"] = "Nông nghiệp và Phát triển nông thôn",
        ["KHCN"] = "Khoa học và Công nghệ",
        ["GTVT"] = "Giao thông vận tải",
        ["PTTH"] = "Phát thanh và Truyền hình",
        ["BHXH"] = "Bảo hiểm xã hội",
        ["LĐLĐ"] = "Liên đoàn Lao động",
        ["TNCS"] = "Thanh niên Cộng sản",
        ["HCM"] = "Hồ Chí Minh",
        ["NTM"] = "nông thôn mới",
        ["BCH"] = "Ban Chấp hành",
    };

    private static readonly string[] LocalityWords = ["thanh pho", "tinh", "quan", "huyen", "thi xa"];

    public static string Exact(string name)
    {
        var text = name.Normalize(NormalizationForm.FormC);
        text = TrailingParenthesis().Replace(text, "");
        text = AbbreviationChain().Replace(text, m =>
        {
            var joined = Separators().Replace(m.Value, "");
            return Abbreviations.ContainsKey(joined) ? joined : m.Value;
        });
        // In a name written all in capitals "TƯ" is a word ("SỞ TƯ PHÁP"), not Trung ương.
        var allCaps = VietnameseText.IsUpperText(text);
        text = Word().Replace(text, m =>
            Abbreviations.TryGetValue(m.Value, out var full) && !(allCaps && m.Value is "TU" or "TƯ") ? full : m.Value);
        var words = VietnameseText.FoldedWords(VietnameseText.Fold(text)).Select(m => m.Value).Where(w => w != "va");
        return string.Join(' ', words);
    }

    /// <summary>The key without locality words: "Ủy ban nhân dân Cần Thơ" meets "Ủy ban nhân dân thành phố Cần Thơ".</summary>
    public static string Loose(string exactKey)
    {
        var padded = $" {exactKey} ";
        foreach (var word in LocalityWords) padded = padded.Replace($" {word} ", " ");
        return VietnameseText.Collapse(padded);
    }

    /// <summary>
    /// The key without the locality of <paramref name="unit"/> at its end, and how much of it was written: inside
    /// Thái Bình's plan "Sở Nội vụ tỉnh Thái Bình", "Sở Nội vụ tỉnh" and "Sở Nội vụ" are one name. A name
    /// before which another level is written ("thành phố Thái Bình" inside tỉnh Thái Bình) is another unit's.
    /// </summary>
    public static (string Key, LocalityMention Mention) WithoutLocality(string exactKey, UnitKey unit)
    {
        var padded = " " + exactKey;
        if (padded.EndsWith($" {unit.Type} {unit.Name}", StringComparison.Ordinal))
            return (Cut(padded, unit.Type.Length + unit.Name.Length + 2), LocalityMention.LevelAndName);
        if (padded.EndsWith(" " + unit.Name, StringComparison.Ordinal))
        {
            var rest = Cut(padded, unit.Name.Length + 1);
            return Localities.LevelKeys.Any(l => (" " + rest).EndsWith(" " + l, StringComparison.Ordinal))
                ? (exactKey, LocalityMention.None)
                : (rest, LocalityMention.Name);
        }
        if (padded.EndsWith(" " + unit.Type, StringComparison.Ordinal))
            return (Cut(padded, unit.Type.Length + 1), LocalityMention.Level);
        return (exactKey, LocalityMention.None);
    }

    private static string Cut(string padded, int length) => padded[..^length].Trim();

    [GeneratedRegex(@"(?:\s*\([^()]*\))+\s*$")]
    private static partial Regex TrailingParenthesis();

    // Capitals joined by hyphens, dots, ampersands or commas: TĐ-KT, GD&ĐT, HĐ.TĐKT, VH,TT&DL. Joined only when
    // the result is a known abbreviation, so "THI ĐUA - KHEN THƯỞNG" in capitals stays four words.
    [GeneratedRegex(@"\b\p{Lu}+(?:\s?[-&.,]\s?\p{Lu}+)+\b")]
    private static partial Regex AbbreviationChain();

    [GeneratedRegex(@"[\s\-&.,]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"\b[\p{L}\p{N}]+\b")]
    private static partial Regex Word();
}
