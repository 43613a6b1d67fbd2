using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PlanApi.Documents.Parsing;

/// <summary>Text helpers for Vietnamese documents: whitespace, folding, case, Roman numerals.</summary>
internal static partial class VietnameseText
{
    // Folded per character so that a match in the folded text has the same index in the original:
    // patterns can be written without diacritics ("thang", "quy") and still cut the original text.
    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>Lower case, diacritics removed, đ → d; same length as the input (input must be NFC).</summary>
    public static string Fold(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            chars[i] = c < FoldTable.Length ? FoldTable[c] : char.ToLowerInvariant(c);
        }
        return new string(chars);
    }

    /// <summary>Whitespace runs (tabs, no-break and zero-width spaces, line breaks) to one space, trimmed.</summary>
    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Has letters and no lower-case letter: "ỦY BAN NHÂN DÂN", "QUÝ II".</summary>
    public static bool IsUpperText(string text) =>
        text.Any(char.IsLetter) && !text.Any(char.IsLower);

    /// <summary>"ỦY BAN NHÂN DÂN" → "Ủy ban nhân dân"; text with lower-case letters is returned as is.</summary>
    public static string SentenceCase(string text)
    {
        if (!IsUpperText(text)) return text;
        var lower = text.ToLower(Vi);
        return lower.Length == 0 ? lower : char.ToUpper(lower[0], Vi) + lower[1..];
    }

    /// <summary>"TRẦN VIỆT TRƯỜNG" → "Trần Việt Trường"; mixed-case text is returned as is.</summary>
    public static string TitleCase(string text) =>
        IsUpperText(text) ? Vi.TextInfo.ToTitleCase(text.ToLower(Vi)) : text;

    /// <summary>I … XX to 1 … 20; null for anything else.</summary>
    public static int? ParseRoman(string text)
    {
        var roman = text.Trim().ToUpperInvariant();
        if (roman.Length == 0 || !RomanPattern().IsMatch(roman)) return null;
        int total = 0, previous = 0;
        for (var i = roman.Length - 1; i >= 0; i--)
        {
            var value = roman[i] switch { 'I' => 1, 'V' => 5, _ => 10 };
            total += value < previous ? -value : value;
            previous = Math.Max(previous, value);
        }
        return total;
    }

    /// <summary>Words (letters/digits, with inner hyphens or dots as in "TĐ-KT") of the folded text.</summary>
    public static IEnumerable<Match> FoldedWords(string folded) => WordPattern().Matches(folded);

    public static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private static char[] BuildFoldTable()
    {
        var table = new char[0x2000];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            if (c is 'đ' or 'Đ') { table[i] = 'd'; continue; }
            if (char.IsSurrogate(c)) { table[i] = c; continue; }
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var first = decomposed[0];
            table[i] = CharUnicodeInfo.GetUnicodeCategory(first) == UnicodeCategory.NonSpacingMark
                ? ' '
                : char.ToLowerInvariant(first);
        }
        return table;
    }

    [GeneratedRegex(@"[\s\u00A0\u200B\uFEFF]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("^(X{0,2})(IX|IV|V?I{0,3})$")]
    private static partial Regex RomanPattern();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
