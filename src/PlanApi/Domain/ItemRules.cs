using System.Linq.Expressions;
using NpgsqlTypes;

namespace PlanApi.Domain;

/// <summary>Status rules shared by the entity, queries and tests.</summary>
public static class ItemRules
{
    public static bool IsClosed(ItemStatus status) => status is ItemStatus.Completed or ItemStatus.Cancelled;

    /// <summary>
    /// Overdue: today (plan calendar) is one of the item's overdue days (<see cref="OverdueDays"/>: after a one-off
    /// deadline, while a recurring item's current occurrence is uncovered, never for an ongoing item) and the item is
    /// neither completed nor cancelled.
    /// </summary>
    public static bool IsOverdue(ItemStatus status, IReadOnlyList<NpgsqlRange<DateOnly>> overdueDays, DateOnly today) =>
        !IsClosed(status) && OverdueDays.Includes(overdueDays, today);

    /// <summary>A one-off deadline: overdue once its due window ended before today.</summary>
    public static bool IsOverdue(ItemStatus status, DateOnly dueEnd, DateOnly today) =>
        IsOverdue(status, OverdueDays.After(dueEnd), today);

    /// <summary><see cref="IsOverdue(ItemStatus, IReadOnlyList{NpgsqlRange{DateOnly}}, DateOnly)"/> as a query predicate, for EF Core to translate into SQL (<c>overdue_days @> today</c>).</summary>
    public static Expression<Func<PlanItem, bool>> Overdue(DateOnly today) =>
        i => Microsoft.EntityFrameworkCore.NpgsqlMultirangeDbFunctionsExtensions.Contains(i.OverdueDays, today)
            && i.Status != ItemStatus.Completed && i.Status != ItemStatus.Cancelled;

    /// <summary>The negation of <see cref="Overdue"/>, for queries.</summary>
    public static Expression<Func<PlanItem, bool>> NotOverdue(DateOnly today)
    {
        var overdue = Overdue(today);
        return Expression.Lambda<Func<PlanItem, bool>>(Expression.Not(overdue.Body), overdue.Parameters);
    }

    /// <summary>Days since the item last became overdue (the day after its deadline, or its earliest uncovered occurrence's
    /// in a row), counting today; 0 when it is not overdue.</summary>
    public static int DaysOverdue(ItemStatus status, IReadOnlyList<NpgsqlRange<DateOnly>> overdueDays, DateOnly today) =>
        IsOverdue(status, overdueDays, today) && OverdueDays.Since(overdueDays, today) is { } since ? today.DayNumber - since.DayNumber + 1 : 0;

    public static int DaysOverdue(ItemStatus status, DateOnly dueEnd, DateOnly today) =>
        DaysOverdue(status, OverdueDays.After(dueEnd), today);

    /// <summary>A completed item is late when it was completed on a day it was overdue.</summary>
    public static bool CompletedLate(ItemStatus status, DateOnly? completedOn, IReadOnlyList<NpgsqlRange<DateOnly>> overdueDays) =>
        status == ItemStatus.Completed && completedOn is { } done && OverdueDays.Includes(overdueDays, done);

    /// <summary>A one-off deadline: late when completed after its due window.</summary>
    public static bool CompletedLate(ItemStatus status, DateOnly? completedOn, DateOnly dueEnd) =>
        CompletedLate(status, completedOn, OverdueDays.After(dueEnd));

    /// <summary>
    /// The next day, from today on, by which an open item has something due and not yet reported: its deadline, or a
    /// recurring item's next occurrence no report covers; null when nothing is (ongoing items never have one).
    /// </summary>
    public static DateOnly? NextDue(ItemStatus status, DueKind? kind, DateOnly dueEnd, DueRecurrence? every,
        IReadOnlyList<NpgsqlRange<DateOnly>> overdueDays, DateOnly today) => IsClosed(status) ? null : kind switch
        {
            DueKind.Ongoing => null,
            // An occurrence is uncovered while the day after it is due is an overdue day.
            DueKind.Recurring when every is not null => DueOccurrences.Of(every, dueEnd.Year).Select(o => o.Due)
                .Where(d => d >= today && OverdueDays.Includes(overdueDays, d.AddDays(1))).Cast<DateOnly?>().FirstOrDefault(),
            _ => dueEnd >= today ? dueEnd : null,
        };

    /// <summary>Percent complete implied or checked by a status; null when the reporter may choose.</summary>
    public static string? CheckPercent(ItemStatus status, int percent) => status switch
    {
        ItemStatus.Completed when percent != 100 => "A completed item is 100% complete.",
        ItemStatus.NotStarted when percent != 0 => "An item that has not started is 0% complete.",
        ItemStatus.InProgress when percent is 100 => "An item at 100% is completed; report status 'completed'.",
        _ => null,
    };
}
