using System.Globalization;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace PlanApi.Documents.Sources;

/// <summary>
/// Word keeps automatic numbering ("1.", "a)", "I.", the TT column of many tables) outside the text, so a reader
/// that takes only the text loses the ordinals. This renders the label of each numbered paragraph in document order.
/// </summary>
internal sealed class DocxNumbering
{
    private readonly Dictionary<int, int> _abstractOf = [];
    private readonly Dictionary<int, Dictionary<int, Level>> _levels = [];
    private readonly Dictionary<int, int[]> _counters = [];
    private readonly Dictionary<string, (int NumId, int Level)> _styleNumbering = [];

    private sealed record Level(string Format, string Text, int Start);

    public DocxNumbering(W.Numbering? numbering, W.Styles? styles)
    {
        // A heading style may carry the numbering ("Heading 1" numbered I., II.) instead of the paragraph.
        foreach (var style in styles?.Elements<W.Style>() ?? [])
            if (style.StyleId?.Value is { } id && style.StyleParagraphProperties?.NumberingProperties is { } stylePr
                && stylePr.NumberingId?.Val?.Value is { } styleNumId)
                _styleNumbering[id] = (styleNumId, stylePr.NumberingLevelReference?.Val?.Value ?? 0);
        if (numbering is null) return;
        foreach (var abs in numbering.Elements<W.AbstractNum>())
        {
            if (abs.AbstractNumberId?.Value is not { } id) continue;
            _levels[id] = abs.Elements<W.Level>()
                .Where(l => l.LevelIndex?.Value is not null)
                .ToDictionary(
                    l => l.LevelIndex!.Value,
                    l => new Level(
                        l.NumberingFormat?.Val?.InnerText ?? "decimal",
                        l.LevelText?.Val?.Value ?? "",
                        l.StartNumberingValue?.Val?.Value ?? 1));
        }
        foreach (var num in numbering.Elements<W.NumberingInstance>())
            if (num.NumberID?.Value is { } numId && num.AbstractNumId?.Val?.Value is { } absId)
                _abstractOf[numId] = absId;
    }

    /// <summary>The label Word shows before the paragraph ("1.", "a)", "-" for bullets), or null.</summary>
    public string? Next(W.Paragraph paragraph)
    {
        var numPr = paragraph.ParagraphProperties?.NumberingProperties;
        int numId, ilvl;
        if (numPr?.NumberingId?.Val?.Value is { } direct)
            (numId, ilvl) = (direct, numPr.NumberingLevelReference?.Val?.Value ?? 0);
        else if (paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value is { } styleId && _styleNumbering.TryGetValue(styleId, out var byStyle))
            (numId, ilvl) = byStyle;
        else
            return null;
        if (numId == 0 || !_abstractOf.TryGetValue(numId, out var absId) || !_levels.TryGetValue(absId, out var levels)) return null;
        if (!levels.TryGetValue(ilvl, out var level)) return null;
        if (level.Format == "bullet") return "-";
        if (level.Format == "none") return null;

        var counters = _counters.TryGetValue(numId, out var c) ? c : _counters[numId] = new int[10];
        counters[ilvl] = counters[ilvl] == 0 ? level.Start : counters[ilvl] + 1;
        for (var deeper = ilvl + 1; deeper < counters.Length; deeper++) counters[deeper] = 0;

        var text = level.Text;
        for (var k = 0; k <= ilvl; k++)
        {
            var format = levels.TryGetValue(k, out var l) ? l.Format : "decimal";
            var value = counters[k] == 0 && l is not null ? l.Start : counters[k];
            text = text.Replace($"%{k + 1}", Format(value, format));
        }
        return text.Trim();
    }

    private static string Format(int value, string format) => format switch
    {
        "upperRoman" => Roman(value),
        "lowerRoman" => Roman(value).ToLowerInvariant(),
        "upperLetter" => Letter(value).ToUpperInvariant(),
        "lowerLetter" => Letter(value),
        "decimalZero" => value.ToString("00", CultureInfo.InvariantCulture),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    private static string Letter(int value) => value is >= 1 and <= 26 ? ((char)('a' + value - 1)).ToString() : value.ToString(CultureInfo.InvariantCulture);

    private static string Roman(int value)
    {
        (int Value, string Symbol)[] numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var result = "";
        foreach (var (v, symbol) in numerals)
            while (value >= v) { result += symbol; value -= v; }
        return result;
    }
}
