namespace PlanApi.Domain;

/// <summary>A progress report (báo cáo) on a plan item. Append-only: never edited or deleted.</summary>
public sealed class ProgressReport
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PlanItemId { get; init; }
    public PlanItem? PlanItem { get; init; }

    /// <summary>Must lead or co-operate on the item.</summary>
    public Guid ReportingAgencyId { get; init; }
    public Agency? ReportingAgency { get; init; }

    /// <summary>
    /// The ended agency the item names, when the reporting agency reports as its successor (the item keeps the agency
    /// its plan named; the report records both).
    /// </summary>
    public Guid? OnBehalfOfAgencyId { get; init; }
    public Agency? OnBehalfOfAgency { get; init; }

    public ItemStatus Status { get; init; }
    public int PercentComplete { get; init; }
    public required string Summary { get; init; }
    public string? EvidenceDocumentNumber { get; init; }
    public DateOnly? EvidenceDocumentDate { get; init; }
    public string? EvidenceUrl { get; init; }
    public DateOnly? PeriodFrom { get; init; }
    public DateOnly? PeriodTo { get; init; }

    /// <summary>Set by the server when the report is accepted.</summary>
    public DateTimeOffset ReportedAt { get; init; }

    /// <summary>What the report is about, for the occurrences of a recurring item it covers.</summary>
    public ReportSpan Span => new(PeriodFrom, PeriodTo, PlanCalendar.DayOf(ReportedAt));
}
