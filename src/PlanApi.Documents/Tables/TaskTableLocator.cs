using PlanApi.Documents.Sources;

namespace PlanApi.Documents.Tables;

/// <summary>Rows of the task table that share one column layout.</summary>
internal sealed record TaskTableFragment(ColumnMap Columns, IReadOnlyList<SourceRow> Rows, DocumentLocation Location);

/// <summary>
/// Finds the task table: every table whose header names an ordinal, a content and an executing-unit column,
/// plus the header-less tables that directly follow one with the same width (a page break in a converted file).
/// Blank lines between the pieces of a text table do not matter; a repeated header row is dropped later.
/// </summary>
internal static class TaskTableLocator
{
    public static (IReadOnlyList<TaskTableFragment> Fragments, ISet<SourceBlock> Used) Find(IReadOnlyList<SourceBlock> blocks)
    {
        var fragments = new List<TaskTableFragment>();
        var used = new HashSet<SourceBlock>(ReferenceEqualityComparer.Instance);
        ColumnMap? current = null;
        var paragraphsSince = 0;
        SourceParagraph? lastParagraph = null;

        foreach (var block in blocks)
        {
            if (block is SourceParagraph paragraph) { paragraphsSince++; lastParagraph = paragraph; continue; }
            var table = (SourceTable)block;
            if (current is not null && paragraphsSince == 1 && lastParagraph!.Location.Line is not null && ContinuesWithTasks(table, current))
                throw BrokenRow(lastParagraph);
            var map = ColumnMap.TryRead(table.Rows, out var headerRows);
            if (map is not null)
            {
                fragments.Add(new TaskTableFragment(map, table.Rows.Skip(headerRows).ToList(), table.Location));
                used.Add(table);
                current = map;
            }
            else if (current is not null && paragraphsSince == 0 && ContinuesTable(table, current))
            {
                fragments.Add(new TaskTableFragment(current, table.Rows, table.Location));
                used.Add(table);
            }
            else
            {
                current = null;
            }
            paragraphsSince = 0;
        }
        return (fragments, used);
    }

    /// <summary>
    /// In a text or Markdown file one line between task rows that is no table row (a tab or a pipe lost) splits the
    /// table, and the tasks after it would be read as prose: the line is named instead.
    /// </summary>
    private static PlanDocumentException BrokenRow(SourceParagraph line) =>
        new($"This line breaks the task table: it is not a table row (its cells are not separated by tabs, or not framed by '|' in Markdown), " +
            $"yet task rows follow it. Write it as a row or join it to the row above: \"{Excerpt(line.Text)}\"", line.Location);

    private static string Excerpt(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static bool ContinuesWithTasks(SourceTable table, ColumnMap columns) =>
        ColumnMap.TryRead(table.Rows, out _) is null && ContinuesTable(table, columns)
        && table.Rows.Any(r => OrdinalLabel.Parse(r.TextAt(columns[ColumnRole.Ordinal])).Kind is LabelKind.Integer or LabelKind.Hierarchical);

    // Same width, and every row's first cell is a task number, a heading alone in its row, or empty:
    // a signature table (Nơi nhận | TM. …) right after the task table is not taken for more tasks.
    private static bool ContinuesTable(SourceTable table, ColumnMap columns) =>
        table.Rows.Max(r => r.Cells.Count) <= columns.Width
        && table.Rows.All(r => r.OwnCells.Count() <= 1
            || OrdinalLabel.Parse(r.TextAt(columns[ColumnRole.Ordinal])).Kind != LabelKind.Invalid);
}
