namespace PlanApi.Domain;

/// <summary>One occurrence of a recurring item: the span it is about, and the day it is due by.</summary>
public sealed record DueOccurrence(DateOnly Start, DateOnly End, DateOnly Due);

/// <summary>What a progress report reports on: its period when it gives one, else the day it was made (plan calendar).</summary>
public readonly record struct ReportSpan(DateOnly? PeriodFrom, DateOnly? PeriodTo, DateOnly ReportedOn)
{
    public DateOnly From => PeriodFrom ?? PeriodTo ?? ReportedOn;
    public DateOnly To => PeriodTo ?? PeriodFrom ?? ReportedOn;
}

/// <summary>The occurrences of a recurring item within its plan's year, and which reports cover them.</summary>
public static class DueOccurrences
{
    /// <summary>
    /// Weeks (Monday to Sunday, the first and last cut at the year's ends), months, quarters, halves or the year, each
    /// due at its end; a written day moves that to the day (the month's last day when shorter). A yearly item with a
    /// month and no day is the month ("Tháng 5 hằng năm"); with a day it is the year, due on that day of that month
    /// ("Trước ngày 15/11 hằng năm").
    /// </summary>
    public static IReadOnlyList<DueOccurrence> Of(DueRecurrence every, int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        switch (every.Frequency)
        {
            case DueFrequency.Weekly:
                var weeks = new List<DueOccurrence>();
                for (var start = first; start <= last;)
                {
                    var end = start.AddDays((7 - (int)start.DayOfWeek) % 7);
                    if (end > last) end = last;
                    weeks.Add(new DueOccurrence(start, end, end));
                    start = end.AddDays(1);
                }
                return weeks;
            case DueFrequency.Monthly:
                return Enumerable.Range(1, 12).Select(m => Spanning(new DateOnly(year, m, 1), 1, every.Day)).ToList();
            case DueFrequency.Quarterly:
                return Enumerable.Range(0, 4).Select(q => Spanning(new DateOnly(year, q * 3 + 1, 1), 3, null)).ToList();
            case DueFrequency.HalfYearly:
                return [Spanning(first, 6, null), Spanning(new DateOnly(year, 7, 1), 6, null)];
            default:
                if (every.Month is not { } month) return [new DueOccurrence(first, last, last)];
                if (every.Day is not { } day) return [Spanning(new DateOnly(year, month, 1), 1, null)];
                return [new DueOccurrence(first, last, DayOf(year, month, day))];
        }
    }

    /// <summary>
    /// A report covers an occurrence when what it reports on (its period, else the day it was made) overlaps the
    /// occurrence's span: a monthly report covers its month, a quarterly report each month of its quarter, and a
    /// report posted on 3 April without a period covers April, not March.
    /// </summary>
    public static bool Covers(ReportSpan report, DueOccurrence occurrence) =>
        report.From <= occurrence.End && report.To >= occurrence.Start;

    private static DueOccurrence Spanning(DateOnly start, int months, int? day)
    {
        var end = start.AddMonths(months).AddDays(-1);
        return new DueOccurrence(start, end, day is { } d ? DayOf(end.Year, end.Month, d) : end);
    }

    private static DateOnly DayOf(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
}
