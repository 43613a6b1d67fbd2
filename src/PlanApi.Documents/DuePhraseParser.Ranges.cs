using System.Globalization;
using System.Text.RegularExpressions;

namespace PlanApi.Documents;

/// <summary>
/// Windows written as two ends or a list: months ("Tháng 7 – 8/2023", "Tháng 6, 7/2024", "tháng 11/2023 - 02/2024"),
/// quarters ("Quý II – III", "Quý II, III năm 2023"), years ("2021 - 2025", "giai đoạn 2021-2025") and days written
/// with "từ" ("từ ngày 01/7 đến ngày 15/7/2023"). A bare pair of dates is not one: inside a task's text it is the
/// span of an anniversary ("02/01/2004-02/01/2024"), not a deadline. A list is the window from its first to its last.
/// </summary>
public static partial class DuePhraseParser
{
    private static DuePhrase? ParseRange(string written, string folded, int? defaultYear)
    {
        if (MonthRange().Match(folded) is { Success: true } m)
        {
            var year = Year(m.Groups["year"], defaultYear);
            var firstYear = m.Groups["y1"].Success ? int.Parse(m.Groups["y1"].Value, CultureInfo.InvariantCulture) : year;
            if (year is null || firstYear is null) return null;
            int first = int.Parse(m.Groups["m1"].Value, CultureInfo.InvariantCulture), last = int.Parse(m.Groups["m2"].Value, CultureInfo.InvariantCulture);
            if (first is < 1 or > 12 || last is < 1 or > 12) return null;
            var from = new DateOnly(firstYear.Value, first, 1);
            var to = new DateOnly(year.Value, last, 1).AddMonths(1).AddDays(-1);
            return Window(written, from, to, year);
        }
        if (QuarterRange().Match(folded) is { Success: true } q)
        {
            var year = Year(q.Groups["year"], defaultYear);
            var firstYear = q.Groups["y1"].Success ? int.Parse(q.Groups["y1"].Value, CultureInfo.InvariantCulture) : year;
            if (year is null || firstYear is null) return null;
            var from = new DateOnly(firstYear.Value, QuarterNumber(q.Groups["q1"].Value) * 3 - 2, 1);
            var to = new DateOnly(year.Value, QuarterNumber(q.Groups["q2"].Value) * 3, 1).AddMonths(1).AddDays(-1);
            return Window(written, from, to, year);
        }
        if (YearRange().Match(folded) is { Success: true } y)
        {
            int first = int.Parse(y.Groups["y1"].Value, CultureInfo.InvariantCulture), last = int.Parse(y.Groups["y2"].Value, CultureInfo.InvariantCulture);
            // A plan's period is a few years; "1948 – 2023" is a span of history.
            if (last - first is < 1 or > 10) return null;
            return Window(written, new DateOnly(first, 1, 1), new DateOnly(last, 12, 31), last);
        }
        if (DayRange().Match(folded) is { Success: true } d)
        {
            var year = Year(d.Groups["year"], defaultYear);
            var firstYear = d.Groups["y1"].Success ? int.Parse(d.Groups["y1"].Value, CultureInfo.InvariantCulture) : year;
            var firstMonth = d.Groups["m1"].Success ? d.Groups["m1"].Value : d.Groups["m2"].Value;
            if (year is null || firstYear is null
                || !TryDate(firstYear.Value, firstMonth, d.Groups["d1"].Value, out var from)
                || !TryDate(year.Value, d.Groups["m2"].Value, d.Groups["d2"].Value, out var to)) return null;
            return Window(written, from, to, year);
        }
        return null;
    }

    private static DuePhrase? Window(string written, DateOnly from, DateOnly to, int? year) =>
        from < to ? new DuePhrase(DuePhraseKind.Range, written, year, From: from, To: to) : null;

    private const string Separator = @"\s*(?:-|,|den|toi|va)\s*";

    [GeneratedRegex(@"^(?:tu\s+)?thang\s+(?<m1>\d{1,2})(?:\s*(?:/|nam)\s*(?<y1>\d{4}))?(?:" + Separator + @"(?:thang\s+)?(?<m2>\d{1,2}))+" + YearTail + "$")]
    private static partial Regex MonthRange();

    [GeneratedRegex(@"^(?:tu\s+)?quy\s+(?<q1>iv|iii|ii|i|[1-4])(?:\s*(?:/|nam)\s*(?<y1>\d{4}))?(?:" + Separator + @"(?:quy\s+)?(?<q2>iv|iii|ii|i|[1-4]))+" + YearTail + "$")]
    private static partial Regex QuarterRange();

    [GeneratedRegex(@"^(?:(?:giai doan|tu)\s+)?(?:nam\s+)?(?<y1>\d{4})\s*(?:-|den|toi)\s*(?:nam\s+)?(?<y2>\d{4})$")]
    private static partial Regex YearRange();

    [GeneratedRegex(@"^tu\s+(?:ngay\s*)?(?<d1>\d{1,2})(?:\s*(?:/|-|\.|thang)\s*(?<m1>\d{1,2})(?:\s*(?:/|\.|nam)\s*(?<y1>\d{4}))?)?\s*(?:-|den|toi)\s*(?:ngay\s*)?(?<d2>\d{1,2})\s*(?:/|-|\.|thang)\s*(?<m2>\d{1,2})(?:\s*(?:/|-|\.|nam)\s*(?<year>\d{4}))?$")]
    private static partial Regex DayRange();
}
