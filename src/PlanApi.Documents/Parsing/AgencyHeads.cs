using System.Text.RegularExpressions;

namespace PlanApi.Documents.Parsing;

/// <summary>
/// The words agency names begin with (Sở, Ban, UBND, Hội đồng, Báo, Đài …). A list of agencies is split where
/// such a word starts, not at every comma, because names have commas and "và" of their own:
/// "Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo".
/// </summary>
internal static partial class AgencyHeads
{
    // Heads that are a name's start whatever follows.
    private static readonly string[] Complete =
    [
        "uy ban nhan dan", "ubnd", "hdnd", "hoi dong nhan dan", "thanh uy", "tinh uy", "huyen uy", "quan uy", "thi uy",
        "dang uy", "thanh doan", "tinh doan", "huyen doan", "quan doan", "cong an", "bo chi huy", "kho bac",
        "bao hiem xa hoi", "lien doan lao dong", "mat tran to quoc", "chinh phu", "thu tuong", "quoc hoi",
        "van phong chinh phu", "toa an", "vien kiem sat", "cuc thue", "buu dien", "thanh tra",
    ];

    // Heads that must be followed by a capitalised word or an abbreviation: "Ban Tuyên giáo" but not "ban hành".
    // Longest first, so that "hoi dong" is tried before "hoi".
    private static readonly string[] NeedsProperName = new[]
    {
        "ban", "so", "bo", "cuc", "chi cuc", "phong", "hoi dong", "hoi", "truong", "vien", "trung tam", "dai", "bao",
        "doan", "van phong", "vp", "lien minh", "lien hiep", "ngan hang", "cong ty", "tong cong ty", "uy ban", "cong",
        "tap chi", "hiep hoi", "quy", "dai hoc", "hoc vien", "benh vien", "ban quan ly", "ban chi huy",
        "quan", "huyen", "thi xa", "thanh pho", "tinh", "xa", "phuong", "thi tran",
    }.OrderByDescending(h => h.Length).ToArray();

    // Words after which "Hội"/"Ban" do not start an agency: "Hội nghị", "Ban hành".
    private static readonly string[] NotAgencies = ["hoi nghi", "hoi thi", "hoi thao", "ban hanh", "truong hop", "bo tri", "doan kiem tra", "cong tac", "cong khai", "cong nhan", "to chuc thuc hien"];

    /// <summary>Whether an agency name starts at <paramref name="index"/> of <paramref name="text"/> (folded is its fold).</summary>
    public static bool StartsAt(string text, string folded, int index, out int headLength)
    {
        headLength = 0;
        var rest = folded.AsSpan(index);
        foreach (var not in NotAgencies)
            if (IsWordAt(rest, not)) return false;
        foreach (var head in Complete)
            if (IsWordAt(rest, head) && (char.IsUpper(text[index]) || head == "ubnd" || head == "hdnd"))
            { headLength = head.Length; return true; }
        foreach (var head in NeedsProperName)
        {
            if (!IsWordAt(rest, head)) continue;
            var locality = head is "quan" or "huyen" or "thi xa" or "thanh pho" or "tinh" or "xa" or "phuong" or "thi tran";
            if (!locality && !char.IsUpper(text[index])) return false;
            var next = index + head.Length;
            while (next < text.Length && text[next] == ' ') next++;
            if (next < text.Length && (char.IsUpper(text[next]) || locality && char.IsDigit(text[next])))
            { headLength = head.Length; return true; }
            return false;
        }
        // An abbreviation of two or more capitals (UBND, MTTQ, BCH) starts a name too, unless it abbreviates a field
        // that ends a name: "Sở Nông nghiệp và PTNT", "Sở Giáo dục và ĐT".
        var m = Abbreviation().Match(text, index);
        if (m.Success && m.Index == index && !FieldAbbreviations.Contains(m.Value.Replace("&", "").Replace(".", "").Replace("-", "")))
        { headLength = m.Length; return true; }
        return false;
    }

    // Fields of a department's name, written abbreviated after its first word ("Sở Nông nghiệp và PTNT").
    private static readonly HashSet<string> FieldAbbreviations = new(StringComparer.Ordinal)
    {
        "PTNT", "NN", "ĐT", "TT", "TTTT", "DL", "XH", "TBXH", "LĐTBXH", "VHTTDL", "TTDL", "GDĐT", "KHCN", "CN", "KHĐT", "ĐTư",
        "TNMT", "MT", "GTVT", "VT", "TC", "NV", "TĐKT", "PTTH", "TH", "CNTT", "DT", "TG",
    };

    /// <summary>"các cơ quan liên quan", "các sở, ban, ngành": a group, not one agency.</summary>
    public static bool IsCollective(string folded) => CollectiveStart().IsMatch(folded) || folded.Contains(" cac ");

    /// <summary>"các cơ quan (, đơn vị …) liên quan": the open-ended "and related agencies".</summary>
    public static bool IsRelatedAgencies(string folded) => CollectiveStart().IsMatch(folded) && folded.TrimEnd(' ', '.', ';').EndsWith("lien quan", StringComparison.Ordinal);

    private static bool IsWordAt(ReadOnlySpan<char> rest, string word) =>
        rest.StartsWith(word) && (rest.Length == word.Length || !char.IsLetterOrDigit(rest[word.Length]));

    [GeneratedRegex(@"\G\p{Lu}[\p{Lu}&.\-]*\p{Lu}\b")]
    private static partial Regex Abbreviation();

    [GeneratedRegex(@"^(cac|nhung|tat ca|toan the|moi)\b")]
    private static partial Regex CollectiveStart();
}
