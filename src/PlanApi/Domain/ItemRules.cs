using System.Linq.Expressions;

namespace PlanApi.Domain;

/// <summary>Status rules shared by the entity, queries and tests.</summary>
public static class ItemRules
{
    public static bool IsClosed(ItemStatus status) => status is ItemStatus.Completed or ItemStatus.Cancelled;

    /// <summary>Overdue: the due window ended before today (plan calendar) and the item is neither completed nor cancelled.</summary>
    public static bool IsOverdue(ItemStatus status, DateOnly dueEnd, DateOnly today) =>
        !IsClosed(status) && dueEnd < today;

    /// <summary><see cref="IsOverdue"/> as a query predicate, for EF Core to translate into SQL.</summary>
    public static Expression<Func<PlanItem, bool>> Overdue(DateOnly today) =>
        i => i.DueEnd < today && i.Status != ItemStatus.Completed && i.Status != ItemStatus.Cancelled;

    /// <summary>The negation of <see cref="Overdue"/>, for queries.</summary>
    public static Expression<Func<PlanItem, bool>> NotOverdue(DateOnly today)
    {
        var overdue = Overdue(today);
        return Expression.Lambda<Func<PlanItem, bool>>(Expression.Not(overdue.Body), overdue.Parameters);
    }

    public static int DaysOverdue(ItemStatus status, DateOnly dueEnd, DateOnly today) =>
        IsOverdue(status, dueEnd, today) ? today.DayNumber - dueEnd.DayNumber : 0;

    /// <summary>A completed item is late when it was completed after its due window.</summary>
    public static bool CompletedLate(ItemStatus status, DateOnly? completedOn, DateOnly dueEnd) =>
        status == ItemStatus.Completed && completedOn is { } done && done > dueEnd;

    /// <summary>Percent complete implied or checked by a status; null when the reporter may choose.</summary>
    public static string? CheckPercent(ItemStatus status, int percent) => status switch
    {
        ItemStatus.Completed when percent != 100 => "A completed item is 100% complete.",
        ItemStatus.NotStarted when percent != 0 => "An item that has not started is 0% complete.",
        ItemStatus.InProgress when percent is 100 => "An item at 100% is completed; report status 'completed'.",
        _ => null,
    };
}
