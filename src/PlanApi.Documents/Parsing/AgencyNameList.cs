using System.Text.RegularExpressions;

namespace PlanApi.Documents.Parsing;

/// <summary>An agency as written in a list, with the parenthesis after it (its role, not a second agency).</summary>
internal sealed record WrittenAgency(string Name, string? Role);

/// <summary>
/// Splits "Báo Cần Thơ, Đài Phát thanh và Truyền hình thành phố và các cơ quan liên quan" into names.
/// Commas and semicolons inside parentheses never split; a comma or "và" splits only where a new agency
/// (see <see cref="AgencyHeads"/>) or a collective ("các …") starts, so names keep their own commas.
/// </summary>
internal static partial class AgencyNameList
{
    public static List<WrittenAgency> Split(string text)
    {
        // Line breaks are kept: in a Word cell each agency is often on its own line, without a comma.
        var written = string.Join('\n', text.Split('\n').Select(VietnameseText.Collapse).Where(l => l.Length > 0));
        var folded = VietnameseText.Fold(written);
        var pieces = new List<string>();
        var start = 0;
        var depth = 0;
        for (var i = 0; i < written.Length; i++)
        {
            var c = written[i];
            if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth = Math.Max(0, depth - 1);
            if (depth > 0) continue;

            int next;
            if (c == ';') next = i + 1;
            else if (c is ',' or '\n' && StartsName(written, folded, i + 1)) next = i + 1;
            else if (c == ' ' && AndWord().Match(folded, i) is { Success: true, Index: var at } m && at == i
                     && StartsName(written, folded, i + m.Length)) next = i + m.Length;
            else continue;
            pieces.Add(written[start..i]);
            start = next;
        }
        pieces.Add(written[start..]);
        return pieces.Select(p => Clean(VietnameseText.Collapse(p))).Where(p => p.Length > 0).Select(WithRole).ToList();
    }

    /// <summary>Drops the role parenthesis: "Ban TĐKT thành phố (Cơ quan Thường trực …)" → "Ban TĐKT thành phố".</summary>
    public static WrittenAgency WithRole(string piece)
    {
        var m = TrailingParenthesis().Match(piece);
        if (!m.Success || m.Index == 0) return new WrittenAgency(piece, null);
        var role = VietnameseText.Collapse(m.Groups[1].Value);
        var foldedRole = VietnameseText.Fold(role);
        // "(chủ trì)" / "(phối hợp)" mark the part an agency plays, which the list position already says.
        if (foldedRole is "chu tri" or "phoi hop") role = "";
        return new WrittenAgency(Clean(piece[..m.Index]), role.Length == 0 ? null : role);
    }

    private static bool StartsName(string written, string folded, int index)
    {
        while (index < written.Length && written[index] == ' ') index++;
        if (index >= written.Length) return false;
        return AgencyHeads.StartsAt(written, folded, index, out _) || Collective().Match(folded, index) is { Success: true } m && m.Index == index;
    }

    private static string Clean(string piece) => LeadingAnd().Replace(piece.Trim(' ', ',', ';', '.', ':', '-', '–', '+', '\n'), "").Trim();

    [GeneratedRegex(@"\G\s(?:va|cung|cung voi)\s")]
    private static partial Regex AndWord();

    [GeneratedRegex(@"\G(?:cac|nhung|tat ca|toan the)\b")]
    private static partial Regex Collective();

    [GeneratedRegex(@"^(?:và|cùng|với)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingAnd();

    [GeneratedRegex(@"\s*\(([^()]*)\)\s*$")]
    private static partial Regex TrailingParenthesis();
}
