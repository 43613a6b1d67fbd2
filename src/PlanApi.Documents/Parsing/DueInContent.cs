using System.Text.RegularExpressions;

namespace PlanApi.Documents.Parsing;

/// <summary>
/// In the three-column layout the due phrase sits in parentheses inside the content:
/// "… trình khen theo quy định (đầu tháng 02 /2023)". Only a parenthesis that is wholly a due phrase counts,
/// so "(đợt 1)" and the range "(02/01/2004-02/01/2024)" stay in the content. A bare "(năm 2023)" is not
/// taken either, nor a span of whole years "(2021-2025)": inside a task they name the years a task is about far more
/// often than a deadline. A parenthesis written as a due phrase with impossible numbers ("(tháng 13/2023)") stays in
/// the content and is returned as <c>Unreadable</c>, for a warning.
/// </summary>
internal static partial class DueInContent
{
    public static (string Content, DuePhrase? Due, string? Unreadable) Extract(string content, int? defaultYear)
    {
        var matches = Parenthesis().Matches(content);
        string? unreadable = null;
        for (var i = matches.Count - 1; i >= 0; i--)
        {
            var m = matches[i];
            var due = DuePhraseParser.Parse(m.Groups[1].Value, defaultYear);
            if (due is null && DuePhraseParser.LooksLikeDue(m.Groups[1].Value)) unreadable ??= m.Groups[1].Value.Trim();
            if (due is null || due.Kind == DuePhraseKind.Year || WholeYears(due)) continue;
            var before = content[..m.Index].TrimEnd();
            var after = content[(m.Index + m.Length)..].TrimStart();
            var joined = after.Length == 0 ? before
                : before.Length == 0 || char.IsPunctuation(after[0]) ? before + after
                : before + " " + after;
            return (joined, due, null);
        }
        return (content, null, unreadable);
    }

    private static bool WholeYears(DuePhrase due) =>
        due is { Kind: DuePhraseKind.Range, From: { Month: 1, Day: 1 }, To: { Month: 12, Day: 31 } };

    [GeneratedRegex(@"\(([^()]*)\)")]
    private static partial Regex Parenthesis();
}
