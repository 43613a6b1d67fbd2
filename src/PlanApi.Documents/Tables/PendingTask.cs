using PlanApi.Documents.Sources;

namespace PlanApi.Documents.Tables;

/// <summary>
/// A task being read: its first row and any continuation rows (a page break cuts task 30 of the seed),
/// collected cell by cell before the texts are interpreted.
/// </summary>
internal sealed class PendingTask(OrdinalLabel label, int? quarter, ItemGroup? group, DocumentLocation location)
{
    public OrdinalLabel Label { get; } = label;
    public int? Quarter { get; } = quarter;
    public ItemGroup? Group { get; } = group;
    public DocumentLocation Location { get; } = location;
    public Dictionary<ColumnRole, List<string>> Texts { get; } = [];

    /// <summary>
    /// Adds a row's cells. The first row takes cells merged down from above (a lead shared by several tasks);
    /// a continuation row takes only its own text, so a split task is not doubled.
    /// </summary>
    public void Add(SourceRow row, ColumnMap columns, bool isFirstRow)
    {
        foreach (var role in new[] { ColumnRole.Content, ColumnRole.Units, ColumnRole.Lead, ColumnRole.Coordinators, ColumnRole.Due })
        {
            var cell = row.At(columns[role]);
            if (cell is null || cell.Text.Length == 0 || cell.SpannedFromLeft) continue;
            if (cell.MergedFromAbove && (!isFirstRow || role == ColumnRole.Content)) continue;
            if (!Texts.TryGetValue(role, out var list)) Texts[role] = list = [];
            list.Add(string.Join('\n', cell.Lines.Count > 0 ? cell.Lines : [cell.Text]));
        }
    }

    public string Joined(ColumnRole role, string separator = " ") =>
        Texts.TryGetValue(role, out var list) ? string.Join(separator, list) : "";

    public bool HasUnits => Joined(ColumnRole.Units).Length + Joined(ColumnRole.Lead).Length > 0;

    public bool HasDue => Joined(ColumnRole.Due).Length > 0;
}
