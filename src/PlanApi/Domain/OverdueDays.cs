using NpgsqlTypes;

namespace PlanApi.Domain;

/// <summary>
/// The days on which an open item is overdue, kept on the item as a PostgreSQL <c>datemultirange</c> so that "overdue
/// today" is one containment test in SQL and in memory, for every kind of deadline:
/// a one-off deadline is overdue from the day after it ends, for ever; an ongoing item never; a recurring item from the
/// day after an occurrence is due until the next one is due, for each occurrence no report covers (after the last, for
/// ever). Reports only add coverage, so posting one only removes days.
/// </summary>
/// <remarks>
/// Ranges are kept as PostgreSQL returns them ([from, until) and merged when they touch), so that a value read back
/// equals the value written, and the number of days overdue counts from when the item last became overdue.
/// </remarks>
public static class OverdueDays
{
    public static NpgsqlRange<DateOnly>[] After(DateOnly dueEnd) => [From(dueEnd.AddDays(1), null)];

    /// <summary>The days a recurring item is overdue on, given which of its occurrences are covered.</summary>
    public static NpgsqlRange<DateOnly>[] Of(IReadOnlyList<DueOccurrence> occurrences, Func<int, bool> covered)
    {
        var ranges = new List<NpgsqlRange<DateOnly>>();
        for (var k = 0; k < occurrences.Count; k++)
        {
            if (covered(k)) continue;
            var from = occurrences[k].Due.AddDays(1);
            DateOnly? until = k + 1 < occurrences.Count ? occurrences[k + 1].Due.AddDays(1) : null;
            if (until <= from) continue;
            if (ranges.Count > 0 && ranges[^1].UpperBound == from && !ranges[^1].UpperBoundInfinite)
                ranges[^1] = From(ranges[^1].LowerBound, until);
            else ranges.Add(From(from, until));
        }
        return [.. ranges];
    }

    public static bool Includes(IReadOnlyList<NpgsqlRange<DateOnly>> days, DateOnly day) => Containing(days, day) is not null;

    /// <summary>The first day of the overdue stretch that holds <paramref name="day"/>, if any.</summary>
    public static DateOnly? Since(IReadOnlyList<NpgsqlRange<DateOnly>> days, DateOnly day) => Containing(days, day)?.LowerBound;

    private static NpgsqlRange<DateOnly>? Containing(IReadOnlyList<NpgsqlRange<DateOnly>> days, DateOnly day)
    {
        foreach (var r in days)
            if (day >= r.LowerBound && (r.UpperBoundInfinite || day < r.UpperBound)) return r;
        return null;
    }

    private static NpgsqlRange<DateOnly> From(DateOnly from, DateOnly? until) => until is { } u
        ? new NpgsqlRange<DateOnly>(from, true, false, u, false, false)
        : new NpgsqlRange<DateOnly>(from, true, false, default, false, true);
}
