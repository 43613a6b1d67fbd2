using PlanApi.Documents.Parsing;

namespace PlanApi.Documents.Tables;

/// <summary>Turns a collected task into an item: content, due phrase, lead and co-operating agencies.</summary>
internal static class TaskBuilder
{
    public static PlanItemEntry Build(PendingTask task, ColumnMap columns, int? planYear, List<ParseWarning> warnings)
    {
        var where = task.Label.Text.Length > 0 ? $"task {task.Label.Text}" : "a task without a number";
        var content = VietnameseText.Collapse(task.Joined(ColumnRole.Content));
        if (content.Length == 0)
            throw new PlanDocumentException($"The row of {where} has no content (Nội dung).", task.Location);

        DuePhrase? due = null;
        var dueText = VietnameseText.Collapse(task.Joined(ColumnRole.Due));
        if (dueText.Length > 0)
        {
            due = DuePhraseParser.Parse(dueText, planYear);
            if (due is null)
            {
                due = new DuePhrase(DuePhraseKind.Unrecognized, dueText);
                warnings.Add(new($"{where}: the due phrase \"{dueText}\" is not understood; it is kept as text", task.Location));
            }
        }
        else
        {
            (content, due, var unreadable) = DueInContent.Extract(content, planYear);
            if (unreadable is not null)
                warnings.Add(new($"{where}: \"({unreadable})\" is written as a due phrase but is not a valid date; the task is kept without one", task.Location));
        }
        if (due is not null && due.Kind is not (DuePhraseKind.Ongoing or DuePhraseKind.Recurring or DuePhraseKind.Unrecognized) && due.Year is null)
            warnings.Add(new($"{where}: the due phrase \"{due.Text}\" has no year and the plan's year is unknown", task.Location));

        var (units, written) = ReadUnits(task, columns);
        foreach (var problem in units.Problems)
            warnings.Add(new($"{where}: {problem}", task.Location));

        return new PlanItemEntry(
            Ordinal: task.Label.Number ?? 0,
            OrdinalText: task.Label.Text,
            Quarter: task.Quarter,
            Group: task.Group,
            Content: content,
            LeadName: units.LeadName,
            LeadRole: units.LeadRole,
            CoordinatorNames: units.Coordinators,
            CollectiveNames: units.Collectives,
            AndRelatedAgencies: units.AndRelatedAgencies,
            ExecutingUnitsText: written.Length == 0 ? null : written,
            Due: due,
            Location: task.Location);
    }

    private static (ExecutingUnits Units, string Written) ReadUnits(PendingTask task, ColumnMap columns)
    {
        var lead = task.Joined(ColumnRole.Lead);
        var coordination = task.Joined(ColumnRole.Coordinators);
        if (lead.Length + coordination.Length == 0 || !columns.Has(ColumnRole.Lead))
        {
            var combined = task.Joined(ColumnRole.Units);
            return (ExecutingUnitsParser.ParseCombined(combined), Lines(combined));
        }
        // The lead and co-operating cells as written, each after its column's header, so that nothing is invented.
        var written = coordination.Length == 0
            ? Lines(lead)
            : $"{columns.HeaderOf(ColumnRole.Lead)}: {Lines(lead)}; {columns.HeaderOf(ColumnRole.Coordinators)}: {Lines(coordination)}";
        // One cell spanning both columns may hold the whole sentence ("X chủ trì, phối hợp với Y").
        var units = coordination.Length == 0 && VietnameseText.Fold(lead).Contains("phoi hop")
            ? ExecutingUnitsParser.ParseCombined(lead)
            : ExecutingUnitsParser.ParseSeparate(lead, coordination);
        return (units, written);
    }

    /// <summary>Whitespace collapsed within each line; the line breaks of a Word cell (one agency per line) kept.</summary>
    private static string Lines(string text) =>
        string.Join('\n', text.Split('\n').Select(VietnameseText.Collapse).Where(l => l.Length > 0));
}
