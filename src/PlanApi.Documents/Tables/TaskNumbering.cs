namespace PlanApi.Documents.Tables;

/// <summary>
/// Gives the tasks their ordinals and labels. Ordinals are unique in the plan: the written numbers when they are
/// unique whole numbers, else 1..n in document order. Labels keep what the document printed; when the numbering
/// restarts in each group (I: 1, 2; II: 1, 2 …, common in plans grouped by subject) a label carries its group's
/// label ("II.1") so that it names one task.
/// </summary>
internal static class TaskNumbering
{
    public static List<PlanItemEntry> Number(List<PlanItemEntry> items, List<ParseWarning> warnings)
    {
        var written = items.Select(i => i.Ordinal).ToList();
        var wholeNumbers = items.All(i => i.Ordinal > 0 && i.OrdinalText.Length > 0);
        if (wholeNumbers && written.Distinct().Count() == written.Count)
            return items.Select(i => i with { Label = i.OrdinalText }).ToList();

        var restarts = RestartsInGroups(items);
        var labelled = items.Select(i => i with { Label = LabelOf(i, restarts) }).ToList();
        if (FirstDuplicate(labelled) is var (first, duplicate))
        {
            warnings.Add(new($"task number {duplicate.OrdinalText} is written twice{InGroup(duplicate)}: first at {first.Location}; " +
                $"tasks are numbered 1–{items.Count} in order", duplicate.Location));
        }
        else if (!wholeNumbers)
        {
            warnings.Add(new($"task numbers are not all whole numbers ({string.Join(", ", items.Select(i => i.OrdinalText).Where(t => t.Length > 0).Take(8))} …); " +
                $"tasks are numbered 1–{items.Count} in order and keep the printed number as their label", items[0].Location));
        }
        return labelled.Select((item, i) => item with { Ordinal = i + 1 }).ToList();
    }

    /// <summary>Numbers repeat across groups but not within one: each group starts its own count.</summary>
    private static bool RestartsInGroups(List<PlanItemEntry> items) =>
        items.Any(i => i.Group is not null)
        && items.Where(i => i.OrdinalText.Length > 0).GroupBy(i => i.OrdinalText).Any(g => g.Select(i => i.Group).Distinct().Count() > 1);

    private static string? LabelOf(PlanItemEntry item, bool restarts)
    {
        if (item.OrdinalText.Length == 0) return null;
        // "1.2" under group "1" already says its group.
        if (!restarts || item.Group?.Label is not { } group || item.OrdinalText.StartsWith(group + ".", StringComparison.Ordinal))
            return item.OrdinalText;
        return $"{group}.{item.OrdinalText}";
    }

    /// <summary>The first task whose number an earlier task of the same group already has, and that earlier task.</summary>
    private static (PlanItemEntry First, PlanItemEntry Duplicate)? FirstDuplicate(List<PlanItemEntry> items)
    {
        var seen = new Dictionary<(ItemGroup?, string), PlanItemEntry>();
        foreach (var item in items.Where(i => i.OrdinalText.Length > 0))
        {
            if (seen.TryGetValue((item.Group, item.OrdinalText), out var first)) return (first, item);
            seen[(item.Group, item.OrdinalText)] = item;
        }
        return null;
    }

    private static string InGroup(PlanItemEntry item) =>
        item.Group is { } g ? $" in group {(g.Label is null ? "" : g.Label + ". ")}{g.Heading}" : "";
}
