using System.Globalization;
using System.Text;

namespace PlanApi.Domain;

/// <summary>
/// Folds Vietnamese text for matching: lower case, diacritics removed (đ → d), punctuation to spaces,
/// so that "thi dua", "TDKT" and "ninh kieu" find "Thi đua", "TĐKT" and "Ninh Kiều".
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        string decomposed;
        try
        {
            decomposed = text.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            // Invalid Unicode (unpaired surrogates, noncharacters) cannot match anything: fold what is valid.
            decomposed = new string(text.Where(c => !char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF')).ToArray())
                .Normalize(NormalizationForm.FormD);
        }
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            var folded = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsLetterOrDigit(folded))
            {
                sb.Append(folded);
                lastWasSpace = false;
            }
            else if (!lastWasSpace && folded != '-' && folded != '.')
            {
                // Hyphens and dots inside abbreviations ("TĐ-KT", "HĐ.TĐKT") are dropped, not spaced.
                sb.Append(' ');
                lastWasSpace = true;
            }
        }
        return sb.ToString().TrimEnd();
    }
}
