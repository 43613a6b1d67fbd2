using System.Text.RegularExpressions;

namespace PlanApi.Documents.Parsing;

/// <summary>
/// Splits a "Căn cứ …" or "Thực hiện …" paragraph into the documents it cites, each with number, type, date,
/// issuer ("của …") and title ("về …"). One paragraph may cite several: "Nghị quyết số 42/NQ-HĐND … và Chỉ thị
/// số 10/CT-UBND …". A type word starts a new citation only after a separator and with a number (or for a law,
/// cited by name), so "về việc ban hành Quy chế …" stays inside a title.
/// </summary>
internal static partial class LegalBasisParser
{
    public static List<LegalBasisEntry> Parse(DocLine line)
    {
        var text = Opener().Replace(line.Text, "");
        var starts = Citation().Matches(text).Where(m => IsCitationStart(text, m)).ToList();
        var result = new List<LegalBasisEntry>();
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1].Index : text.Length;
            var segment = TrailingJoin().Replace(text[starts[i].Index..end], "").Trim(' ', ',', ';', '.', ':');
            result.Add(ReadCitation(segment, starts[i].Groups["type"].Value, line.Location));
        }
        return result;
    }

    /// <summary>
    /// "Thực hiện Chỉ thị số 19/CT-TTg … , Ủy ban nhân dân tỉnh ban hành Kế hoạch … như sau:" is a legal basis and
    /// the preamble in one sentence; the clause after the last comma that issues the plan is the preamble.
    /// </summary>
    public static (string Citations, string? Preamble) SplitPreamble(string text)
    {
        var m = PreambleClause().Match(text);
        if (!m.Success) return (text, null);
        var clause = m.Groups["clause"].Value.Trim();
        return (text[..m.Index], char.ToUpper(clause[0], VietnameseText.Vi) + clause[1..]);
    }

    /// <summary>Where a sentence that does not open with a basis cites one ("Để triển khai thực hiện Nghị quyết số …"), or -1.</summary>
    public static int CitationInSentenceAt(string text) => CitationInSentence().Match(text) is { Success: true } m ? m.Index : -1;

    private static bool IsCitationStart(string text, Match m)
    {
        var before = text[..m.Index].TrimEnd();
        if (before.Length == 0) return true;
        // A law cited by name starts a citation after ";", or after the date that closes the law before it ("Luật … ngày
        // 26/11/2003 và Luật sửa đổi, bổ sung … ngày 16/11/2013"); "Luật sửa đổi … của Luật A và Luật B" is one law.
        if (!m.Groups["number"].Success) return IsLaw(m.Groups["type"].Value) && (before.EndsWith(';') || AfterDate().IsMatch(before));
        return before.EndsWith(',') || before.EndsWith(';') || Regex.IsMatch(VietnameseText.Fold(before), @"\b(va|cung)$");
    }

    private static LegalBasisEntry ReadCitation(string segment, string typeWord, DocumentLocation location)
    {
        var numberMatch = Citation().Match(segment);
        string? number = numberMatch.Groups["number"].Success
            ? Regex.Replace(numberMatch.Groups["number"].Value, @"\s+", "").TrimEnd('.', ',')
            : null;
        var cursor = numberMatch.Index + numberMatch.Length;

        DateOnly? date = null;
        var dateMatch = DateAfterNgay().Match(segment, cursor);
        if (dateMatch.Success)
        {
            date = VietnameseDates.FromGroups(dateMatch);
            cursor = dateMatch.Index + dateMatch.Length;
        }

        string? issuer = null, title;
        var issuerMatch = Issuer().Match(segment, cursor);
        var hasIssuer = issuerMatch.Success && segment[cursor..issuerMatch.Index].Trim().Length == 0;
        if (hasIssuer) issuer = issuerMatch.Groups["issuer"].Value.Trim();
        if (IsLaw(typeWord) && number is null)
        {
            // A law is cited by its name: "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 (của Quốc hội)".
            var nameEnd = LawNameEnd().Match(segment);
            title = (nameEnd.Success ? segment[..nameEnd.Index] : segment).Trim(' ', ',', ';');
        }
        else
        {
            title = (hasIssuer ? segment[(issuerMatch.Index + issuerMatch.Length)..] : segment[cursor..]).Trim(' ', ',', ';');
        }
        return new LegalBasisEntry(number, TypeCode(number, typeWord), date, issuer, title.Length == 0 ? null : title, segment, location);
    }

    // Type codes of Decree 30/2020/NĐ-CP, plus those of legal documents (NĐ, TT, TTLT).
    private static readonly HashSet<string> TypeCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NQ", "NQLT", "NĐ", "QĐ", "CT", "TT", "TTLT", "QC", "QyĐ", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC",
        "BB", "TTr", "HĐ", "CĐ", "KL", "PL", "L", "QH",
    };

    private static bool IsLaw(string typeWord) => VietnameseText.Fold(typeWord) is "luat" or "bo luat" or "phap lenh";

    private static string TypeCode(string? number, string typeWord)
    {
        // "42/NQ-HĐND" carries its type; "120/UBND-NC" (a công văn) starts with its issuer instead.
        var last = number?.Split('/')[^1];
        var symbolType = last?.Split('-')[0];
        if (symbolType is not null && TypeCodes.Contains(symbolType)) return symbolType;
        return VietnameseText.Fold(typeWord) switch
        {
            "luat" => "Luật",
            "bo luat" => "Bộ luật",
            "phap lenh" => "PL",
            "nghi quyet" or "nghi quyet lien tich" => "NQ",
            "nghi dinh" => "NĐ",
            "quyet dinh" => "QĐ",
            "chi thi" => "CT",
            "thong tu" or "thong tu lien tich" => "TT",
            "ke hoach" => "KH",
            "huong dan" => "HD",
            "chuong trinh" => "CTr",
            "thong bao" => "TB",
            "ket luan" => "KL",
            "de an" => "ĐA",
            "cong dien" => "CĐ",
            _ => "CV",
        };
    }

    [GeneratedRegex(@"^\s*(?:(?:\d{1,2}\s*[.)]|[a-zđ]\s*\)|[-–+•])\s*)?(?:(?:căn cứ(?: vào)?|thực hiện|triển khai thực hiện|triển khai|theo|trên cơ sở)\s*:?\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex Opener();

    [GeneratedRegex(@"\d{4}\s*(?:[,;]|\s(?:và|cùng))$", RegexOptions.IgnoreCase)]
    private static partial Regex AfterDate();

    /// <summary>"… thực hiện / theo / trên cơ sở Nghị quyết số 52/NQ-HĐND …" inside a sentence: where the cited documents start.</summary>
    [GeneratedRegex(@"\b(?:căn cứ(?: vào)?|thực hiện|triển khai|theo|trên cơ sở)\s+(?:các\s+)?(?=(?:Nghị quyết|Nghị định|Quyết định|Chỉ thị|Thông tư|Kế hoạch|Công văn|Văn bản|Hướng dẫn|Chương trình|Thông báo|Kết luận|Đề án|Công điện)(?:\s+liên tịch)?\s+(?:số\s*)?\d+\s*[/-])", RegexOptions.IgnoreCase)]
    private static partial Regex CitationInSentence();

    [GeneratedRegex(@"(?<type>Bộ luật|Luật|Pháp lệnh|Nghị quyết liên tịch|Nghị quyết|Nghị định|Quyết định|Chỉ thị|Thông tư liên tịch|Thông tư|Kế hoạch|Công văn|Văn bản|Hướng dẫn|Chương trình|Thông báo|Kết luận|Đề án|Công điện)\b(?:\s+số)?(?:\s*(?<number>\d+\s*[/-]\s*[\p{L}\d]+(?:\s*[/\-–]\s*[\p{L}\d&.]+)*))?", RegexOptions.IgnoreCase)]
    private static partial Regex Citation();

    [GeneratedRegex(@"\bngày\s*" + VietnameseDates.DateBody, RegexOptions.IgnoreCase)]
    private static partial Regex DateAfterNgay();

    [GeneratedRegex(@"\s*\b(?:của|do)\s+(?<issuer>.+?)(?=\s+(?:về|ban hành|quy định|hướng dẫn|phê duyệt|sửa đổi|triển khai|thực hiện|tổ chức|phát động|phê chuẩn|thông qua)\b|\s*[,;]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Issuer();

    [GeneratedRegex(@"\s+(?:số\s*\d|ngày\b|năm\s+\d|được\b|đã\b)", RegexOptions.IgnoreCase)]
    private static partial Regex LawNameEnd();

    [GeneratedRegex(@",\s*(?<clause>[^,;]{3,100}?\s(?:ban hành|xây dựng|triển khai)\s+(?:các\s+)?(?:kế hoạch|chương trình)\b[^;]*)$", RegexOptions.IgnoreCase | RegexOptions.RightToLeft)]
    private static partial Regex PreambleClause();

    [GeneratedRegex(@"[\s,;]+(?:và|cùng)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingJoin();
}
