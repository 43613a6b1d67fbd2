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

    public int? DueYear { get; private set; }
    public int? DueMonth { get; private set; }
    public MonthPart? DuePart { get; private set; }
    public string? DueText { get; private set; }

    /// <summary>Effective due window: the due period, or the item's quarter when no due phrase is written.</summary>
    public DateOnly DueStart { get; private set; }
    public DateOnly DueEnd { get; private set; }

    public ItemStatus Status { get; private set; } = ItemStatus.NotStarted;
    public int PercentComplete { get; private set; }
    public Guid? LatestReportId { get; private set; }
    public DateTimeOffset? LastReportedAt { get; private set; }
    public DateOnly? CompletedOn { get; private set; }

    public string SearchKey { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; private set; }

    public DuePeriod? Due => DueYear is { } y && DueMonth is { } m ? new DuePeriod(y, m, DuePart ?? MonthPart.Whole) : null;

    /// <summary>Sets the due period (or none) and recomputes the effective due window for <paramref name="planYear"/>.</summary>
    public void Schedule(int planYear, int quarter, DuePeriod? due, string? dueText)
    {
        Quarter = quarter;
        DueYear = due?.Year;
        DueMonth = due?.Month;
        DuePart = due?.Part;
        // The phrase as written is kept even when it names no month ("thường xuyên", "hằng quý").
        DueText = dueText;
        DueStart = due?.Start ?? DuePeriod.StartOfQuarter(planYear, quarter);
        DueEnd = due?.End ?? DuePeriod.EndOfQuarter(planYear, quarter);
    }

    public void RefreshSearchKey() => SearchKey = SearchText.Fold(Content);

    /// <summary>Whether <paramref name="agencyId"/> leads or co-operates on this item.</summary>
    public bool Involves(Guid agencyId) =>
        LeadAgencyId == agencyId || Coordinators.Any(c => c.AgencyId == agencyId);

    /// <summary>The newest accepted report wins.</summary>
    public void Apply(ProgressReport report)
    {
        if (LastReportedAt is { } last && report.ReportedAt < last) return;
        Status = report.Status;
        PercentComplete = report.PercentComplete;
        LatestReportId = report.Id;
        LastReportedAt = report.ReportedAt;
        CompletedOn = report.Status == ItemStatus.Completed
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(report.ReportedAt, PlanCalendar.TimeZone).DateTime)
            : null;
    }

    public bool IsOverdue(DateOnly today) => ItemRules.IsOverdue(Status, DueEnd, today);
}

public sealed class PlanItemCoordinator
{
    public Guid PlanItemId { get; init; }
    public Guid AgencyId { get; init; }
    public Agency? Agency { get; init; }
    public int Position { get; set; }
}
