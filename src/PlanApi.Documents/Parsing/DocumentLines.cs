using PlanApi.Documents.Sources;

namespace PlanApi.Documents.Parsing;

/// <summary>A line of text outside the task table, in reading order.</summary>
internal sealed record DocLine(string Text, bool IsBold, DocumentLocation Location);

/// <summary>
/// Everything but the task table as a list of lines. Other tables are read column by column: the heading
/// table (issuer and number | national motto, place and date) and the signature table (Nơi nhận | TM. …)
/// then read like the same text typed without a table.
/// </summary>
internal static class DocumentLines
{
    public static List<DocLine> From(IReadOnlyList<SourceBlock> blocks, ISet<SourceBlock> skip)
    {
        var lines = new List<DocLine>();
        foreach (var block in blocks)
        {
            if (skip.Contains(block)) continue;
            switch (block)
            {
                case SourceParagraph p:
                    lines.Add(new DocLine(p.Text, p.IsBold, p.Location));
                    break;
                case SourceTable t:
                    var width = t.Rows.Max(r => r.Cells.Count);
                    for (var column = 0; column < width; column++)
                        foreach (var row in t.Rows)
                            if (row.At(column) is { IsMergeCopy: false } cell)
                                lines.AddRange(cell.Lines.Select(l => new DocLine(l, cell.IsBold, row.Location)));
                    break;
            }
        }
        return lines;
    }
}
