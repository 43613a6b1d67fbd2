using System.Globalization;
using System.Text.RegularExpressions;
using PlanApi.Documents.Parsing;

namespace PlanApi.Documents.Tables;

internal enum LabelKind
{
    None,
    /// <summary>"12", "12.", "12)".</summary>
    Integer,
    /// <summary>"1.2", "1.2.3".</summary>
    Hierarchical,
    /// <summary>"II": a group.</summary>
    Roman,
    /// <summary>"A", "B.": a group.</summary>
    UpperLetter,
    /// <summary>"a", "b)": a sub-task.</summary>
    LowerLetter,
    Invalid,
}

/// <summary>The TT cell of a row, classified.</summary>
internal readonly partial record struct OrdinalLabel(LabelKind Kind, string Text)
{
    public int? Number => Kind == LabelKind.Integer ? int.Parse(Text, CultureInfo.InvariantCulture) : null;

    public bool IsGroup => Kind is LabelKind.Roman or LabelKind.UpperLetter;

    public static OrdinalLabel Parse(string cell)
    {
        var text = cell.Trim().TrimEnd('.', ')', ':', '/').Trim();
        if (text.Length == 0) return new(LabelKind.None, "");
        if (Integer().IsMatch(text)) return new(LabelKind.Integer, int.Parse(text, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
        if (Hierarchical().IsMatch(text)) return new(LabelKind.Hierarchical, text);
        if (VietnameseText.ParseRoman(text) is not null && text.All(char.IsUpper)) return new(LabelKind.Roman, text);
        if (text.Length == 1 && char.IsLetter(text[0]))
            return new(char.IsUpper(text[0]) ? LabelKind.UpperLetter : LabelKind.LowerLetter, text);
        return new(LabelKind.Invalid, text);
    }

    [GeneratedRegex(@"^\d{1,4}$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3})+$")]
    private static partial Regex Hierarchical();
}
