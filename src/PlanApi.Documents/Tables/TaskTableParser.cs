using System.Globalization;
using System.Text.RegularExpressions;
using PlanApi.Documents.Parsing;
using PlanApi.Documents.Sources;

namespace PlanApi.Documents.Tables;

/// <summary>
/// Reads the task table row by row: repeated headers are skipped, QUÝ rows set the quarter, other group rows
/// ("I. CÔNG TÁC TUYÊN TRUYỀN", a bold heading) set the group, a row with a number starts a task, and a row
/// without one continues the task above (its text was cut by a page break).
/// </summary>
internal sealed partial class TaskTableParser(List<ParseWarning> warnings)
{
    private readonly List<(PendingTask Task, ColumnMap Columns)> _tasks = [];
    private int? _quarter;
    private ItemGroup? _group;
    private bool _afterHeader;
    // Which headings hold the others, told by the first one: quarters inside groups (I → QUÝ I, QUÝ II; II → …) or
    // groups inside quarters (QUÝ I → A, B; QUÝ II → A, B). An outer heading ends the inner one above it.
    private bool? _quartersOuter;

    public static List<PlanItemEntry> Parse(IReadOnlyList<TaskTableFragment> fragments, int? planYear, List<ParseWarning> warnings)
    {
        var parser = new TaskTableParser(warnings);
        foreach (var fragment in fragments)
            foreach (var row in fragment.Rows)
                parser.Read(row, fragment.Columns);
        var items = parser._tasks.Select(t => TaskBuilder.Build(t.Task, t.Columns, planYear, warnings)).ToList();
        if (items.Count == 0)
            throw new PlanDocumentException("The task table has a header but no task rows.", fragments[0].Location);
        return TaskNumbering.Number(items, warnings);
    }

    private PendingTask? Last => _tasks.Count > 0 ? _tasks[^1].Task : null;

    private void Read(SourceRow row, ColumnMap columns)
    {
        var own = row.OwnCells.ToList();
        if (own.Count == 0) return;
        // A header repeated after a page break, with its sub-header and column-number rows.
        var afterHeader = _afterHeader;
        _afterHeader = columns.IsRepeatedHeader(row);
        if (_afterHeader || afterHeader && (ColumnMap.IsSubHeader(row) || ColumnMap.IsColumnNumbers(row)))
        {
            _afterHeader = true;
            return;
        }
        if (row.Cells.Skip(columns.Width).Any(c => !c.IsMergeCopy && c.Text.Length > 0))
            throw new PlanDocumentException(
                $"A task row has {row.Cells.Count(c => c.Text.Length > 0)} filled cells but the table header has {columns.Width} columns.", row.Location);

        var ordinalCell = row.At(columns[ColumnRole.Ordinal]);
        var label = OrdinalLabel.Parse(ordinalCell is null || ordinalCell.IsMergeCopy ? "" : ordinalCell.Text);
        var texts = own.Select(c => c.Text).Distinct().ToList();
        var content = row.TextAt(columns[ColumnRole.Content]);
        // The one text of a heading row: alone in the row, or beside its label ("II | CÔNG TÁC KHEN THƯỞNG").
        var besideLabel = label.Kind == LabelKind.None ? texts : texts.Where(t => t != ordinalCell!.Text).ToList();
        var single = texts.Count == 1 ? texts[0] : besideLabel is [var only] ? only : null;

        if (QuarterOf(single ?? content) is { } quarter && (single is not null || !HasUnits(row, columns)))
        {
            _quartersOuter ??= true;
            if (_quartersOuter == true) _group = null;
            _quarter = quarter;
            return;
        }
        switch (label.Kind)
        {
            case LabelKind.Roman or LabelKind.UpperLetter:
                SetGroup(new ItemGroup(label.Text, content.Length > 0 ? content : single ?? label.Text));
                return;
            case LabelKind.Integer or LabelKind.Hierarchical or LabelKind.LowerLetter:
                StartTask(row, columns, label);
                return;
            case LabelKind.Invalid when texts.Count > 1:
                throw new PlanDocumentException($"The task number \"{ordinalCell!.Text}\" cannot be read.", row.Location);
        }

        // No number: a note under the table, a heading, a task without a number, or the rest of the task above.
        var text = single ?? content;
        if (single is not null && NoteRow().IsMatch(VietnameseText.Fold(single)))
        {
            warnings.Add(new($"a note row is not a task and is left out: \"{single}\"", row.Location));
            return;
        }
        var bold = own.All(c => c.IsBold);
        if (single is not null && TryGroup(text, bold, out var group))
        {
            SetGroup(group);
        }
        else if (Last is null || HasUnits(row, columns) && Last.HasUnits && StartsSentence(content))
        {
            warnings.Add(new("a task row has no number; it is numbered in order", row.Location));
            StartTask(row, columns, OrdinalLabel.Parse(""));
        }
        else
        {
            Last.Add(row, columns, isFirstRow: false);
        }
    }

    /// <summary>A labelled group starts afresh unless it sits inside a quarter; an unmarked heading never ends a quarter.</summary>
    private void SetGroup(ItemGroup group)
    {
        _group = group;
        if (group.Label is null) return;
        _quartersOuter ??= false;
        if (_quartersOuter == false) _quarter = null;
    }

    private void StartTask(SourceRow row, ColumnMap columns, OrdinalLabel label)
    {
        // "1 | Công tác tuyên truyền" followed by "1.1 …": the numbered row was a group heading.
        if (label.Kind == LabelKind.Hierarchical && Last is { } last && !last.HasUnits && !last.HasDue
            && label.Text.StartsWith(last.Label.Text + ".", StringComparison.Ordinal))
        {
            _tasks.RemoveAt(_tasks.Count - 1);
            _group = new ItemGroup(last.Label.Text, VietnameseText.Collapse(last.Joined(ColumnRole.Content)));
        }
        var task = new PendingTask(label, _quarter, _group, row.Location);
        task.Add(row, columns, isFirstRow: true);
        _tasks.Add((task, columns));
    }

    private bool TryGroup(string text, bool bold, out ItemGroup group)
    {
        var m = LabelledHeading().Match(text);
        group = m.Success
            ? new ItemGroup(m.Groups["label"].Value, m.Groups["heading"].Value.Trim())
            : new ItemGroup(null, text);
        if (m.Success || Last is null || VietnameseText.IsUpperText(text) || bold && char.IsUpper(text[0])) return true;
        // An unmarked "Công tác tuyên truyền": short, capitalised, not a sentence, and the task above is complete.
        // Text cut by a page break starts in lower case ("năm 2018 của …") or follows an open end ("… của").
        return char.IsUpper(text[0]) && text.Length <= 100 && !".,;:".Contains(text[^1])
            && !OpenEnd().IsMatch(VietnameseText.Fold(VietnameseText.Collapse(Last.Joined(ColumnRole.Content))));
    }

    private static bool HasUnits(SourceRow row, ColumnMap columns) =>
        new[] { ColumnRole.Units, ColumnRole.Lead, ColumnRole.Coordinators }
            .Any(r => row.At(columns[r]) is { IsMergeCopy: false, Text.Length: > 0 });

    private static bool StartsSentence(string content) => content.Length > 0 && char.IsUpper(content[0]);

    private static int? QuarterOf(string text)
    {
        var m = QuarterRow().Match(VietnameseText.Fold(VietnameseText.Collapse(text)));
        return m.Success ? VietnameseText.ParseRoman(m.Groups[1].Value) ?? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    // "QUÝ II", "II. QUÝ II", "Nhiệm vụ quý II/2023", "QUÝ I (từ tháng 01 đến tháng 3)".
    [GeneratedRegex(@"^(?:[ivx]+\s*[.:)\-]\s*)?(?:(?:cac\s+)?(?:nhiem vu|cong viec|noi dung)\s+(?:trong\s+)?)?quy\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:/|-|nam)\s*\d{4})?\s*(?:[:(].*)?$")]
    private static partial Regex QuarterRow();

    [GeneratedRegex(@"^(?:ghi chu|luu y|chu thich|chu y)\b")]
    private static partial Regex NoteRow();

    [GeneratedRegex(@"(?:[,\-–(]|\b(?:cua|va|voi|ve|cho|cac|nhung|so|ngay|thang|nam|tai|theo|trong|de|la|tu|den))$")]
    private static partial Regex OpenEnd();

    [GeneratedRegex(@"^(?<label>[IVX]{1,5}|[A-ZĐ])\s*[.:)\-–]\s+(?<heading>\S.*)$")]
    private static partial Regex LabelledHeading();
}
