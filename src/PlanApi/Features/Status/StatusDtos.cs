using PlanApi.Common;
using PlanApi.Domain;
using PlanApi.Features.Agencies;

namespace PlanApi.Features.Status;

/// <summary>How many items are in each status.</summary>
public sealed record StatusCounts(int NotStarted, int InProgress, int Completed, int Postponed, int Cancelled)
{
    public static StatusCounts Of(IEnumerable<ItemStatus> statuses)
    {
        var list = statuses.ToList();
        int Count(ItemStatus s) => list.Count(x => x == s);
        return new StatusCounts(Count(ItemStatus.NotStarted), Count(ItemStatus.InProgress), Count(ItemStatus.Completed),
            Count(ItemStatus.Postponed), Count(ItemStatus.Cancelled));
    }
}

/// <summary>Totals for a group of items.</summary>
/// <param name="Total">Items in the group.</param>
/// <param name="Completed">Completed items.</param>
/// <param name="Overdue">Overdue items.</param>
public sealed record GroupTotals(int Total, int Completed, int Overdue);

/// <summary>Totals of one quarter group.</summary>
public sealed record QuarterStatus(int Quarter, int Total, int Completed, int Overdue);

/// <summary>Totals of one group of items ("II. Công tác khen thưởng").</summary>
/// <param name="Label">The group's label as printed; null for an unmarked heading.</param>
/// <param name="Title">The group's heading.</param>
public sealed record ItemGroupStatus(string? Label, string Title, int Total, int Completed, int Overdue);

/// <summary>Totals of the items one agency leads.</summary>
public sealed record LeadStatus(AgencyRefDto Agency, int Total, int Completed, int Overdue);

/// <summary>An overdue item.</summary>
/// <param name="Ordinal">The item's ordinal (TT).</param>
/// <param name="Content">The task.</param>
/// <param name="Lead">The lead agency.</param>
/// <param name="Status">Its current status.</param>
/// <param name="DueEnd">The day it was due by: the last day of its due window, or of a recurring item the due day of its
/// earliest uncovered occurrence in the current run.</param>
/// <param name="DueText">The due phrase as written; null when due at the end of its quarter.</param>
/// <param name="DaysOverdue">Days since it was due.</param>
/// <param name="DueKind">How the deadline is written (month, date, range, recurring); null when due at the end of its quarter.</param>
public sealed record OverdueItem(int Ordinal, string Content, AgencyRefDto Lead, ItemStatus Status, DateOnly DueEnd, string? DueText, int DaysOverdue,
    DueKind? DueKind = null);

/// <summary>An open item with something due within the next 30 days (an ongoing item never is).</summary>
/// <param name="DueEnd">The day it is due by: its deadline, or a recurring item's next occurrence no report covers yet.</param>
/// <param name="DueKind">How the deadline is written; null when due at the end of its quarter.</param>
public sealed record DueSoonItem(int Ordinal, string Content, AgencyRefDto Lead, ItemStatus Status, DateOnly DueEnd, string? DueText,
    DueKind? DueKind = null);

/// <summary>A plan's status, computed from its items' progress reports.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Number">Its number and symbol.</param>
/// <param name="Title">Its title.</param>
/// <param name="Lifecycle">draft, published or closed.</param>
/// <param name="AsOf">The newest change this status reflects (a report or an edit).</param>
/// <param name="Today">The date (Asia/Ho_Chi_Minh) overdue is computed for.</param>
/// <param name="TotalItems">Number of items.</param>
/// <param name="CompletionPercent">Completed items as a percentage of the items not cancelled (one decimal).</param>
/// <param name="ByStatus">Items per status.</param>
/// <param name="OverdueCount">Items overdue today.</param>
/// <param name="CompletedLateCount">Items completed on a day they were overdue.</param>
/// <param name="ByQuarter">Totals per quarter group.</param>
/// <param name="ByLeadAgency">Totals per lead agency, most items first.</param>
/// <param name="OverdueItems">Overdue items, most overdue first.</param>
/// <param name="DueSoon">Open items due in the next 30 days, soonest first.</param>
/// <param name="LastReportedAt">When the newest progress report was accepted.</param>
/// <param name="ByGroup">Totals per group of items, in document order; empty when the plan's table has no groups.</param>
/// <param name="OngoingCount">Items done throughout the year ("thường xuyên"), never overdue.</param>
/// <param name="RecurringCount">Items due at each occurrence ("hằng quý"), overdue while the current one is not reported.</param>
public sealed record PlanStatusDto(
    Guid PlanId, string Number, string Title, PlanLifecycle Lifecycle, DateTimeOffset AsOf, DateOnly Today, int TotalItems,
    decimal CompletionPercent, StatusCounts ByStatus, int OverdueCount, int CompletedLateCount,
    IReadOnlyList<QuarterStatus> ByQuarter, IReadOnlyList<LeadStatus> ByLeadAgency, IReadOnlyList<OverdueItem> OverdueItems,
    IReadOnlyList<DueSoonItem> DueSoon, DateTimeOffset? LastReportedAt, IReadOnlyList<ItemGroupStatus> ByGroup, int OngoingCount = 0, int RecurringCount = 0) : ICachedResource;

/// <summary>One plan's status in the city-wide summary.</summary>
public sealed record PlanStatusRow(
    Guid PlanId, string Number, string Title, AgencyRefDto Issuer, int Year, PlanLifecycle Lifecycle, int TotalItems,
    int Completed, int Overdue, decimal CompletionPercent, DateTimeOffset? LastReportedAt);

/// <summary>An agency's work across published plans.</summary>
/// <param name="Agency">The agency.</param>
/// <param name="Today">The date (Asia/Ho_Chi_Minh) overdue is computed for.</param>
/// <param name="Led">Items it leads (chủ trì).</param>
/// <param name="Coordinated">Items it co-operates on (phối hợp).</param>
/// <param name="OverdueItems">Overdue items it leads or co-operates on, most overdue first.</param>
public sealed record AgencyStatusDto(AgencyRefDto Agency, DateOnly Today, GroupTotals Led, GroupTotals Coordinated, IReadOnlyList<AgencyOverdueItem> OverdueItems);

/// <summary>An overdue item of an agency, with the plan it belongs to and the agency's role in it.</summary>
/// <param name="DueEnd">The day it was due by (of a recurring item, its earliest uncovered occurrence in the current run).</param>
/// <param name="DueKind">How the deadline is written; null when due at the end of its quarter.</param>
public sealed record AgencyOverdueItem(Guid PlanId, string PlanNumber, int Ordinal, string Content, string Role, DateOnly DueEnd, int DaysOverdue,
    DueKind? DueKind = null);
