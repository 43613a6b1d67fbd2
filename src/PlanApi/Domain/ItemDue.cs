namespace PlanApi.Domain;

/// <summary>A recurring deadline: how often, and the month and day when the plan writes them.</summary>
/// <param name="Month">For a yearly item, the month it falls in ("Tháng 5 hằng năm").</param>
/// <param name="Day">The day it is due by: of each month (monthly), or of <paramref name="Month"/> (yearly); a day
/// past a month's end is its last day.</param>
public sealed record DueRecurrence(DueFrequency Frequency, int? Month = null, int? Day = null);

/// <summary>
/// When an item is due, as the plan writes it. Only the fields of its kind are set: <see cref="Period"/> for a month,
/// <see cref="From"/> (= <see cref="To"/>) for a date, <see cref="From"/> and <see cref="To"/> for a range,
/// <see cref="Every"/> for a recurring item; an ongoing item has none.
/// </summary>
public sealed record ItemDue(DueKind Kind, DuePeriod? Period = null, DateOnly? From = null, DateOnly? To = null, DueRecurrence? Every = null)
{
    public static ItemDue InMonth(DuePeriod period) => new(DueKind.Month, Period: period);
    public static ItemDue OnDate(DateOnly date) => new(DueKind.Date, From: date, To: date);
    public static ItemDue Between(DateOnly from, DateOnly to) => new(DueKind.Range, From: from, To: to);
    public static readonly ItemDue Ongoing = new(DueKind.Ongoing);
    public static ItemDue Recurring(DueRecurrence every) => new(DueKind.Recurring, Every: every);

    /// <summary>
    /// The window the item is worked in: the month (or its part), the day, the range; an ongoing or recurring item's
    /// is the plan's year, whose occurrences <see cref="DueOccurrences"/> lists.
    /// </summary>
    public (DateOnly Start, DateOnly End) Window(int planYear) => Kind switch
    {
        DueKind.Month => (Period!.Start, Period.End),
        DueKind.Date or DueKind.Range => (From!.Value, To!.Value),
        _ => (new DateOnly(planYear, 1, 1), new DateOnly(planYear, 12, 31)),
    };
}
