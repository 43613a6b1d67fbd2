using NpgsqlTypes;

namespace PlanApi.Domain;

/// <summary>
/// A task of a plan (one row of its Nội dung table). Its status is never typed by hand:
/// it follows the newest accepted progress report.
/// </summary>
public sealed class PlanItem
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PlanId { get; init; }
    public Plan? Plan { get; init; }

    /// <summary>The TT column: unique within the plan.</summary>
    public int Ordinal { get; set; }
    public int Quarter { get; set; }

    /// <summary>The number as printed when it is not the ordinal: "II.3" when numbering restarts in each group.</summary>
    public string? Label { get; set; }

    /// <summary>The group row the item stands under ("II" / "Công tác khen thưởng"), other than a quarter; none when both are null.</summary>
    public string? GroupLabel { get; set; }
    public string? GroupTitle { get; set; }

    public required string Content { get; set; }

    /// <summary>The agency that leads (chủ trì): exactly one.</summary>
    public Guid LeadAgencyId { get; set; }
    public Agency? LeadAgency { get; set; }

    /// <summary>The role written after the lead agency, e.g. "Cơ quan Thường trực Hội đồng TĐKT".</summary>
    public string? LeadRole { get; set; }

    /// <summary>Agencies that co-operate (phối hợp), in the document's order.</summary>
    public List<PlanItemCoordinator> Coordinators { get; set; } = [];

    /// <summary>"và các cơ quan liên quan": open-ended co-operation, not an agency.</summary>
    public bool AndRelatedAgencies { get; set; }

    /// <summary>The Đơn vị thực hiện cell as written.</summary>
    public string? ExecutingUnitsText { get; set; }

    /// <summary>How the plan writes the deadline; null when it writes none (due by the end of the item's quarter).</summary>
    public DueKind? DueKind { get; private set; }
    public int? DueYear { get; private set; }
    public int? DueMonth { get; private set; }
    public MonthPart? DuePart { get; private set; }
    public DueFrequency? DueFrequency { get; private set; }
    public int? DueEveryMonth { get; private set; }
    public int? DueEveryDay { get; private set; }
    public string? DueText { get; private set; }

    /// <summary>
    /// Effective due window: the month, day or range written, the plan's year for an ongoing or recurring item (its
    /// last occurrence is due at its end), or the item's quarter when no due phrase is written. DueEnd is what the
    /// agencies' to-do lists are ordered by.
    /// </summary>
    public DateOnly DueStart { get; private set; }
    public DateOnly DueEnd { get; private set; }

    /// <summary>The days the item is overdue on while open (<see cref="OverdueDays"/>): none for an ongoing item.</summary>
    public NpgsqlRange<DateOnly>[] OverdueDays { get; private set; } = [];

    public ItemStatus Status { get; private set; } = ItemStatus.NotStarted;
    public int PercentComplete { get; private set; }
    public Guid? LatestReportId { get; private set; }
    public DateTimeOffset? LastReportedAt { get; private set; }
    public DateOnly? CompletedOn { get; private set; }

    public string SearchKey { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; private set; }

    public ItemDue? Due => DueKind switch
    {
        Domain.DueKind.Month => ItemDue.InMonth(new DuePeriod(DueYear!.Value, DueMonth!.Value, DuePart ?? MonthPart.Whole)),
        Domain.DueKind.Date => ItemDue.OnDate(DueStart),
        Domain.DueKind.Range => ItemDue.Between(DueStart, DueEnd),
        Domain.DueKind.Ongoing => ItemDue.Ongoing,
        Domain.DueKind.Recurring => ItemDue.Recurring(new DueRecurrence(DueFrequency!.Value, DueEveryMonth, DueEveryDay)),
        _ => null,
    };

    /// <summary>
    /// Sets the deadline (or none) and recomputes the effective due window for <paramref name="planYear"/> and the days
    /// the item is overdue on; a recurring item's occurrences are checked against <paramref name="reports"/>, all the
    /// item's reports so far.
    /// </summary>
    public void Schedule(int planYear, int quarter, ItemDue? due, string? dueText, IEnumerable<ReportSpan>? reports = null)
    {
        Quarter = quarter;
        DueKind = due?.Kind;
        DueYear = due?.Period?.Year;
        DueMonth = due?.Period?.Month;
        DuePart = due?.Period?.Part;
        DueFrequency = due?.Every?.Frequency;
        DueEveryMonth = due?.Every?.Month;
        DueEveryDay = due?.Every?.Day;
        // The phrase as written is kept even when it was not understood.
        DueText = dueText;
        (DueStart, DueEnd) = due?.Window(planYear) ?? (DuePeriod.StartOfQuarter(planYear, quarter), DuePeriod.EndOfQuarter(planYear, quarter));
        var spans = reports?.ToList() ?? [];
        var all = Occurrences();
        OverdueDays = due?.Kind switch
        {
            Domain.DueKind.Ongoing => [],
            Domain.DueKind.Recurring => Domain.OverdueDays.Of(all, k => spans.Any(r => DueOccurrences.Covers(r, all[k]))),
            _ => Domain.OverdueDays.After(DueEnd),
        };
    }

    /// <summary>A recurring item's occurrences in its plan's year (the year its window is); none for other items.</summary>
    public IReadOnlyList<DueOccurrence> Occurrences() =>
        DueKind == Domain.DueKind.Recurring && DueFrequency is { } every
            ? DueOccurrences.Of(new DueRecurrence(every, DueEveryMonth, DueEveryDay), DueStart.Year)
            : [];

    public void RefreshSearchKey() => SearchKey = SearchText.Fold(Content);

    /// <summary>Whether <paramref name="agencyId"/> leads or co-operates on this item.</summary>
    public bool Involves(Guid agencyId) =>
        LeadAgencyId == agencyId || Coordinators.Any(c => c.AgencyId == agencyId);

    /// <summary>The newest accepted report wins the status; every report covers the occurrences it reports on.</summary>
    public void Apply(ProgressReport report)
    {
        if (DueKind == Domain.DueKind.Recurring)
        {
            // An occurrence is uncovered while the day after it is due is still an overdue day.
            var span = report.Span;
            var all = Occurrences();
            OverdueDays = Domain.OverdueDays.Of(all, k =>
                !Domain.OverdueDays.Includes(OverdueDays, all[k].Due.AddDays(1)) || DueOccurrences.Covers(span, all[k]));
        }
        if (LastReportedAt is { } last && report.ReportedAt < last) return;
        Status = report.Status;
        PercentComplete = report.PercentComplete;
        LatestReportId = report.Id;
        LastReportedAt = report.ReportedAt;
        CompletedOn = report.Status == ItemStatus.Completed
            ? PlanCalendar.DayOf(report.ReportedAt)
            : null;
    }

    public bool IsOverdue(DateOnly today) => ItemRules.IsOverdue(Status, OverdueDays, today);
}

public sealed class PlanItemCoordinator
{
    public Guid PlanItemId { get; init; }
    public Guid AgencyId { get; init; }
    public Agency? Agency { get; init; }
    public int Position { get; set; }
}
