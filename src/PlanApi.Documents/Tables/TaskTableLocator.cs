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

        foreach (var block in blocks)
        {
            if (block is SourceParagraph) { paragraphsSince++; continue; }
            var table = (SourceTable)block;
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

    // Same width, and every row's first cell is a task number, a heading alone in its row, or empty:
    // a signature table (Nơi nhận | TM. …) right after the task table is not taken for more tasks.
    private static bool ContinuesTable(SourceTable table, ColumnMap columns) =>
        table.Rows.Max(r => r.Cells.Count) <= columns.Width
        && table.Rows.All(r => r.OwnCells.Count() <= 1
            || OrdinalLabel.Parse(r.TextAt(columns[ColumnRole.Ordinal])).Kind != LabelKind.Invalid);
}
