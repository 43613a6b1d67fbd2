using System.Globalization;
using System.Linq.Expressions;
using PlanApi.Domain;
using PlanApi.Features.Agencies;

namespace PlanApi.Features.Items;

/// <summary>A task of a plan, with its status as derived from its progress reports.</summary>
/// <param name="PlanId">The plan the item belongs to.</param>
/// <param name="PlanNumber">The plan's number and symbol, e.g. "244/KH-UBND".</param>
/// <param name="Ordinal">The TT column: the item's number within its plan.</param>
/// <param name="Quarter">Quarter group (QUÝ I–IV) as 1–4.</param>
/// <param name="Label">The number as the document printed it: "II.3" when the numbering restarts in each group, else the ordinal.</param>
/// <param name="Group">The group row the item stands under ("II. Công tác khen thưởng"); null when the plan has none.</param>
/// <param name="Content">The task as written (Nội dung).</param>
/// <param name="Lead">The agency that leads (chủ trì).</param>
/// <param name="LeadRole">The role written after the lead agency, if any.</param>
/// <param name="Coordinators">Agencies that co-operate (phối hợp), in the document's order.</param>
/// <param name="AndRelatedAgencies">Whether the document adds "và các cơ quan liên quan" (and related agencies).</param>
/// <param name="ExecutingUnitsText">The Đơn vị thực hiện cell as written.</param>
/// <param name="Due">When the item is due.</param>
/// <param name="Status">Derived from the newest progress report; not_started when none.</param>
/// <param name="PercentComplete">From the newest progress report.</param>
/// <param name="Overdue">Open (neither completed nor cancelled) and past due (Asia/Ho_Chi_Minh): a one-off item after its
/// due window, a recurring item while its current occurrence (the latest one due before today) has no report covering it;
/// an ongoing item never.</param>
/// <param name="DaysOverdue">Days since the item became overdue (since the due window ended, for a one-off item), when overdue; otherwise 0.</param>
/// <param name="CompletedLate">Completed on a day it was overdue.</param>
/// <param name="CompletedOn">Date (Asia/Ho_Chi_Minh) of the report that completed it.</param>
/// <param name="LastReportedAt">When the newest progress report was accepted.</param>
/// <param name="LatestReportId">The newest progress report's id.</param>
/// <param name="InheritedFrom">On an agency's to-do list: the ended agency (a predecessor) the plan names for this open item, when the agency has it by succession.</param>
public sealed record PlanItemDto(
    Guid PlanId,
    string PlanNumber,
    int Ordinal,
    int Quarter,
    string Label,
    ItemGroupDto? Group,
    string Content,
    AgencyRefDto Lead,
    string? LeadRole,
    IReadOnlyList<AgencyRefDto> Coordinators,
    bool AndRelatedAgencies,
    string? ExecutingUnitsText,
    DueDto Due,
    ItemStatus Status,
    int PercentComplete,
    bool Overdue,
    int DaysOverdue,
    bool CompletedLate,
    DateOnly? CompletedOn,
    DateTimeOffset? LastReportedAt,
    Guid? LatestReportId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: System.Text.Json.Serialization.JsonIgnore] uint Version = 0,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    AgencyRefDto? InheritedFrom = null,
    [property: System.Text.Json.Serialization.JsonIgnore] NpgsqlTypes.NpgsqlRange<DateOnly>[]? OverdueDays = null) : PlanApi.Common.IVersionedResource
{
    /// <summary>Projects an item; call <see cref="AsOf"/> afterwards to fill the date-dependent fields.</summary>
    public static readonly Expression<Func<PlanItem, PlanItemDto>> Projection = i => new PlanItemDto(
        i.PlanId,
        i.Plan!.Number,
        i.Ordinal,
        i.Quarter,
        i.Label ?? i.Ordinal.ToString(CultureInfo.InvariantCulture),
        i.GroupTitle == null ? null : new ItemGroupDto(i.GroupLabel, i.GroupTitle),
        i.Content,
        new AgencyRefDto(i.LeadAgency!.Code, i.LeadAgency.Name, i.LeadAgency.ShortName),
        i.LeadRole,
        i.Coordinators.OrderBy(c => c.Position)
            .Select(c => new AgencyRefDto(c.Agency!.Code, c.Agency.Name, c.Agency.ShortName)).ToList(),
        i.AndRelatedAgencies,
        i.ExecutingUnitsText,
        new DueDto(i.DueYear, i.DueMonth, i.DuePart, i.DueText, i.DueStart, i.DueEnd, i.DueKind == null, i.DueKind,
            i.DueKind == DueKind.Date ? i.DueStart : null,
            i.DueFrequency == null ? null : new DueRecurrence(i.DueFrequency.Value, i.DueEveryMonth, i.DueEveryDay)),
        i.Status,
        i.PercentComplete,
        false,
        0,
        false,
        i.CompletedOn,
        i.LastReportedAt,
        i.LatestReportId,
        i.CreatedAt,
        i.UpdatedAt,
        i.Version,
        null,
        i.OverdueDays);

    /// <summary>
    /// <see cref="Projection"/> with the plan's number given instead of read from the item's plan: for a write that holds
    /// the item but has no reason to load its plan (whose texts and lists are far bigger than the item).
    /// </summary>
    public static readonly Expression<Func<PlanItem, string, PlanItemDto>> ProjectionGivenPlanNumber = GivenPlanNumber(Projection);

    private static Expression<Func<PlanItem, string, PlanItemDto>> GivenPlanNumber(Expression<Func<PlanItem, PlanItemDto>> projection)
    {
        var number = Expression.Parameter(typeof(string), "planNumber");
        var body = new PlanNumberGiven(number).Visit(projection.Body);
        return Expression.Lambda<Func<PlanItem, string, PlanItemDto>>(body, projection.Parameters[0], number);
    }

    /// <summary>Replaces <c>i.Plan.Number</c> with a parameter, and refuses any other use of the plan.</summary>
    private sealed class PlanNumberGiven(ParameterExpression number) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) => node switch
        {
            { Member.Name: nameof(Plan.Number), Expression: MemberExpression { Member.Name: nameof(PlanItem.Plan) } } => number,
            { Member.Name: nameof(PlanItem.Plan), Member.DeclaringType: var type } when type == typeof(PlanItem) =>
                throw new InvalidOperationException("PlanItemDto.Projection reads more of the plan than its number; give that too."),
            _ => base.VisitMember(node),
        };
    }

    public PlanItemDto AsOf(DateOnly today)
    {
        var days = OverdueDays ?? [];
        return this with
        {
            Due = Due with { NextDue = ItemRules.NextDue(Status, Due.Kind, Due.End, Due.Recurrence, days, today) },
            Overdue = ItemRules.IsOverdue(Status, days, today),
            DaysOverdue = ItemRules.DaysOverdue(Status, days, today),
            CompletedLate = ItemRules.CompletedLate(Status, CompletedOn, days),
        };
    }
}

/// <summary>
/// When an item is due, as the plan writes it (<c>kind</c>) and as a window. Without a written due phrase the item is due
/// by the end of its quarter (<c>kind</c> null, <c>endOfQuarter</c> true).
/// </summary>
/// <param name="Year">Year of the due month (kind month); otherwise null.</param>
/// <param name="Month">Due month 1–12 (kind month); otherwise null.</param>
/// <param name="Part">Part of the month (kind month): early (days 1–10), mid (11–20), late (21–end) or whole.</param>
/// <param name="Text">The due phrase exactly as written, e.g. "đầu tháng 02 /2023", "Trước ngày 15/11 hằng năm".</param>
/// <param name="Start">First day of the due window (for ongoing and recurring items, of the plan's year).</param>
/// <param name="End">Last day of the due window: a one-off item is overdue from the day after; a recurring item's last
/// occurrence is due on it; an ongoing item is never overdue.</param>
/// <param name="EndOfQuarter">True when the window is the item's quarter because no due phrase is written.</param>
/// <param name="Kind">month, date (due on that day), range (a window, due at its end), ongoing (never overdue) or
/// recurring (each occurrence in the plan's year is due); null when no due phrase is written.</param>
/// <param name="Date">The day it is due on (kind date).</param>
/// <param name="Recurrence">How often it is due; present for kind recurring only.</param>
/// <param name="NextDue">The next day, from today (Asia/Ho_Chi_Minh) on, by which something is due and not yet
/// reported: the deadline, or a recurring item's next uncovered occurrence; null when none is (ongoing, past,
/// completed or cancelled).</param>
public sealed record DueDto(
    int? Year, int? Month, MonthPart? Part, string? Text, DateOnly Start, DateOnly End, bool EndOfQuarter,
    DueKind? Kind = null, DateOnly? Date = null,
    // Written only for a recurring item: OpenAPI 3.0 validators refuse null for a referenced object.
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    DueRecurrence? Recurrence = null,
    DateOnly? NextDue = null);

/// <summary>A group of a plan's items: a Roman-numeral or lettered row of its table ("II. CÔNG TÁC KHEN THƯỞNG"), or an unmarked heading.</summary>
/// <param name="Label">"II", "B"; null for an unmarked heading.</param>
/// <param name="Title">The heading as printed.</param>
public sealed record ItemGroupDto(string? Label, string Title);
