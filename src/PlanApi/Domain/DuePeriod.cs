namespace PlanApi.Domain;

/// <summary>
/// When a plan item is due: a month of a year, optionally narrowed to its early, mid or late part.
/// </summary>
public sealed record DuePeriod(int Year, int Month, MonthPart Part = MonthPart.Whole)
{
    /// <summary>The last day of "đầu tháng" (early): days 1–10.</summary>
    public const int EarlyEnds = 10;

    /// <summary>The last day of "giữa tháng" (mid): days 11–20; "cuối tháng" (late) is 21 to the month's end.</summary>
    public const int MidEnds = 20;

    public DateOnly Start => Part switch
    {
        MonthPart.Mid => new DateOnly(Year, Month, EarlyEnds + 1),
        MonthPart.Late => new DateOnly(Year, Month, MidEnds + 1),
        _ => new DateOnly(Year, Month, 1),
    };

    public DateOnly End => Part switch
    {
        MonthPart.Early => new DateOnly(Year, Month, EarlyEnds),
        MonthPart.Mid => new DateOnly(Year, Month, MidEnds),
        _ => new DateOnly(Year, Month, DateTime.DaysInMonth(Year, Month)),
    };

    /// <summary>Items without a due phrase are due by the end of their quarter.</summary>
    public static DateOnly EndOfQuarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var lastMonth = quarter * 3;
        return new DateOnly(year, lastMonth, DateTime.DaysInMonth(year, lastMonth));
    }

    public static DateOnly StartOfQuarter(int year, int quarter) => new(year, quarter * 3 - 2, 1);
}
