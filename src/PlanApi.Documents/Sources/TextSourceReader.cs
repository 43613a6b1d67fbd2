using System.Text.RegularExpressions;

namespace PlanApi.Documents.Sources;

/// <summary>
/// Reads the text and Markdown forms line by line: a line with tabs is a table row (the seed's form), a line
/// framed by pipes is a Markdown table row, anything else non-empty is a paragraph. A blank line or a
/// paragraph ends a table.
/// </summary>
internal static partial class TextSourceReader
{
    public static SourceDocument Read(string content, PlanDocumentFormat format)
    {
        var blocks = new List<SourceBlock>();
        List<SourceRow>? rows = null;
        DocumentLocation? tableStart = null;

        void EndTable()
        {
            if (rows is { Count: > 0 }) blocks.Add(new SourceTable(rows, tableStart!));
            rows = null;
        }

        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var location = DocumentLocation.AtLine(i + 1);
            var cells = SplitRow(line);
            if (cells is not null)
            {
                if (rows is null) { rows = []; tableStart = location; }
                if (!IsSeparatorRow(cells)) rows.Add(new SourceRow(cells.Select(ToCell).ToList(), location));
                continue;
            }
            EndTable();
            var text = InlineMarkup.Clean(line);
            if (text.Length > 0) blocks.Add(new SourceParagraph(text, InlineMarkup.IsBold(line), location));
        }
        EndTable();
        return new SourceDocument(blocks, format);
    }

    /// <summary>The raw cells of a table row, or null when the line is not one.</summary>
    private static List<string>? SplitRow(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length < 2 || trimmed[0] != '|') return line.Contains('\t') ? [.. line.Split('\t')] : null;
        var cells = UnescapedPipe().Split(trimmed).ToList();
        cells.RemoveAt(0);
        if (cells.Count > 0 && trimmed.EndsWith('|') && !trimmed.EndsWith("\\|", StringComparison.Ordinal)) cells.RemoveAt(cells.Count - 1);
        return cells.Count == 0 ? null : cells.Select(c => c.Replace("\\|", "|")).ToList();
    }

    private static bool IsSeparatorRow(List<string> cells) =>
        cells.All(c => SeparatorCell().IsMatch(c)) && cells.Any(c => c.Contains('-'));

    private static SourceCell ToCell(string raw)
    {
        var text = InlineMarkup.Clean(raw);
        return new SourceCell(text, text.Length == 0 ? [] : [text], text.Length > 0 && InlineMarkup.IsBold(raw));
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [GeneratedRegex(@"^\s*:?-*:?\s*$")]
    private static partial Regex SeparatorCell();
}
