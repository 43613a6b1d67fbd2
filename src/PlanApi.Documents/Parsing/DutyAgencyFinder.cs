namespace PlanApi.Documents.Parsing;

/// <summary>
/// Finds the agencies a duty names in running text: a name starts with an agency word (see
/// <see cref="AgencyHeads"/>) and runs over its capitalised parts, locality words ("thành phố", "Trung ương")
/// and "và" between parts ("Sở Giáo dục và Đào tạo"), up to punctuation, a parenthesis or a verb
/// ("phối hợp", "được", "tổ chức" …). Names are returned once each, in order of first mention.
/// </summary>
internal static class DutyAgencyFinder
{
    // Compared with the written (not folded) words: folding would make "giáo" (Tuyên giáo) the verb "giao".
    private static readonly string[] StopWords =
    [
        "chủ trì", "phối hợp", "được", "tổ chức", "theo dõi", "có trách nhiệm", "chịu trách nhiệm", "thực hiện",
        "hướng dẫn", "tham mưu", "triển khai", "kiểm tra", "đôn đốc", "báo cáo", "tổng hợp", "xây dựng", "giao",
        "về", "với", "để", "trong", "tại", "theo", "cho", "nhằm", "căn cứ", "làm", "là", "có", "phụ trách", "chỉ đạo",
        "tuyên truyền", "đảm bảo", "bảo đảm", "bố trí", "phân công", "cấp", "xem xét", "trình", "ban hành", "quản lý",
        "gửi", "cung cấp", "tiếp tục", "phát động", "đưa tin", "nếu", "khi", "thì", "sẽ", "cần", "phải", "nghiêm túc",
        "chủ động", "tích cực", "kịp thời", "định kỳ", "yêu cầu", "đề nghị", "các", "những", "một", "mọi", "qua",
        "từ", "đến", "tham gia", "cùng", "liên quan", "trên", "ra", "vào", "sau", "trước", "kết hợp", "hỗ trợ",
        "hằng", "hàng", "đã", "đang", "và", "hoặc", "lập", "đăng", "biểu dương", "khen thưởng", "thẩm định",
    ];

    private static readonly string[] LocalityWords =
        ["thành phố", "tỉnh", "quận", "huyện", "thị xã", "xã", "phường", "thị trấn", "trung ương", "nhân dân", "nhà nước", "việt nam"];

    public static List<string> Find(string text)
    {
        var folded = VietnameseText.Fold(text);
        var names = new List<string>();
        var seen = new HashSet<string>();
        var i = 0;
        while (i < text.Length)
        {
            var wordStart = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            if (wordStart && char.IsLetter(text[i]) && AgencyHeads.StartsAt(text, folded, i, out var head))
            {
                var end = Extend(text, folded, i + head);
                var name = VietnameseText.Collapse(text[i..end]).TrimEnd(' ', '-', '–');
                if (seen.Add(VietnameseText.Fold(name))) names.Add(name);
                i = Math.Max(end, i + 1);
                continue;
            }
            i++;
        }
        return names;
    }

    /// <summary>The end of a name that starts before <paramref name="from"/>.</summary>
    private static int Extend(string text, string folded, int from)
    {
        var end = from;
        var lowerRun = 0;
        var p = from;
        while (true)
        {
            while (p < text.Length && text[p] == ' ') p++;
            if (p >= text.Length) return end;
            var c = text[p];
            if (c is '-' or '–' && p + 2 < text.Length && text[p + 1] == ' ' && char.IsUpper(text[p + 2])) { p += 2; continue; }
            if (!char.IsLetterOrDigit(c)) return end;

            var wordEnd = p;
            while (wordEnd < text.Length && (char.IsLetterOrDigit(text[wordEnd]) || text[wordEnd] is '-' or '&' or '.' && wordEnd + 1 < text.Length && char.IsUpper(text[wordEnd + 1]))) wordEnd++;
            var rest = text[p..];
            if (char.IsLower(c))
            {
                if (StartsWithWord(rest, "và") && NextIsPart(text, folded, wordEnd)) { p = wordEnd; continue; }
                var locality = LocalityWords.FirstOrDefault(w => StartsWithWord(rest, w));
                if (locality is not null) { end = p = p + locality.Length; lowerRun = 0; continue; }
                if (StopWords.Any(w => StartsWithWord(rest, w)) || ++lowerRun > 3) return end;
            }
            else
            {
                lowerRun = 0;
            }
            end = p = wordEnd;
        }
    }

    /// <summary>After "và": a capitalised part of the same name ("và Đào tạo"), not a new agency ("và Ban …").</summary>
    private static bool NextIsPart(string text, string folded, int index)
    {
        while (index < text.Length && text[index] == ' ') index++;
        return index < text.Length && char.IsUpper(text[index]) && !AgencyHeads.StartsAt(text, folded, index, out _);
    }

    private static bool StartsWithWord(string rest, string word) =>
        rest.StartsWith(word, StringComparison.Ordinal) && (rest.Length == word.Length || !char.IsLetterOrDigit(rest[word.Length]));
}
