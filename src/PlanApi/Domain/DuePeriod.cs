namespace PlanApi.Domain;

/// <summary>
/// When a plan item is due: a month of a year, optionally narrowed to its early, mid or late part.
/// </summary>
public sealed record DuePeriod(int Year, int Month, MonthPart Part = MonthPart.Whole)
{
    public DateOnly Start => Part switch
    {
        MonthPart.Mid => new DateOnly(Year, Month, 11),
        MonthPart.Late => new DateOnly(Year, Month, 21),
        _ => new DateOnly(Year, Month, 1),
    };

    public DateOnly End => Part switch
    {
        MonthPart.Early => new DateOnly(Year, Month, 10),
        MonthPart.Mid => new DateOnly(Year, Month, 20),
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
