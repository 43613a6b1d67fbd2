using System.Globalization;
using System.Text.RegularExpressions;
using PlanApi.Documents.Parsing;

namespace PlanApi.Documents;

/// <summary>
/// Reads a due phrase ("tháng 02/2023", "cuối tháng 02 năm 2023", "Quý I/2023", "trước ngày 15/3/2023",
/// "6 tháng đầu năm 2023", "năm 2023", "Tháng 7 – 8/2023", "Quý II – III", "2021 - 2025", "thường xuyên", "cả năm",
/// "hằng quý", "Tháng 5 hằng năm", "Trước ngày 15/11 hằng năm"). The whole phrase must be one of these: a date range
/// such as "02/01/2004-02/01/2024" is not a due phrase. Patterns run on folded text, so "Tháng", "tháng" and "THÁNG",
/// "hằng" and "hàng" are alike. A phrase without a year takes the plan's year.
/// </summary>
public static partial class DuePhraseParser
{
    /// <summary>The meaning of <paramref name="text"/>, or null when it is not a due phrase.</summary>
    public static DuePhrase? Parse(string text, int? defaultYear = null)
    {
        var written = VietnameseText.Collapse(text).Trim(' ', '.', ',', ';', ':');
        if (written.Length == 0) return null;
        var folded = Fold(written);

        if (Ongoing().IsMatch(folded)) return new DuePhrase(DuePhraseKind.Ongoing, written);
        if (ParseRecurring(written, folded) is { } recurring) return recurring;
        if (MonthPartPattern().Match(folded) is { Success: true } mp)
            return Month(written, mp.Groups["month"].Value, mp.Groups["year"], defaultYear, mp.Groups["part"].Value switch
            {
                "dau" => DuePhraseMonthPart.Early,
                "giua" => DuePhraseMonthPart.Mid,
                _ => DuePhraseMonthPart.Late,
            });
        if (MonthPattern().Match(folded) is { Success: true } m)
            return Month(written, m.Groups["month"].Value, m.Groups["year"], defaultYear, DuePhraseMonthPart.Whole);
        if (QuarterPattern().Match(folded) is { Success: true } q)
        {
            var quarter = QuarterNumber(q.Groups["q"].Value);
            return new DuePhrase(DuePhraseKind.Quarter, written, Year(q.Groups["year"], defaultYear), Quarter: quarter);
        }
        if (DatePattern().Match(folded) is { Success: true } d)
        {
            var year = Year(d.Groups["year"], defaultYear);
            if (year is null || !TryDate(year.Value, d.Groups["month"].Value, d.Groups["day"].Value, out var date)) return null;
            return new DuePhrase(DuePhraseKind.BeforeDate, written, year, date.Month, Date: date);
        }
        if (HalfYearPattern().Match(folded) is { Success: true } h)
            return new DuePhrase(DuePhraseKind.HalfYear, written, Year(h.Groups["year"], defaultYear), Half: h.Groups["half"].Value == "dau" ? 1 : 2);
        if (YearPattern().Match(folded) is { Success: true } y)
            return new DuePhrase(DuePhraseKind.Year, written, Year(y.Groups["year"], defaultYear));
        return ParseRange(written, folded, defaultYear);
    }

    /// <summary>
    /// Whether <paramref name="text"/> is written as a due phrase (a month, quarter or day with its numbers) even if
    /// those numbers are impossible ("tháng 13/2023"): such text is reported, never silently dropped or guessed.
    /// </summary>
    public static bool LooksLikeDue(string text) => DueShape().IsMatch(Fold(VietnameseText.Collapse(text)));

    private static string Fold(string written)
    {
        // En and em dashes and the minus sign separate ranges as the hyphen does.
        var folded = Spaces().Replace(VietnameseText.Fold(written).Replace('–', '-').Replace('—', '-').Replace('−', '-'), " ");
        return Lead().Replace(folded, "");
    }

    private static DuePhrase? ParseRecurring(string written, string folded)
    {
        if (Recurring().Match(folded) is { Success: true } r)
            return new DuePhrase(DuePhraseKind.Recurring, written, Every: r.Groups[1].Value switch
            {
                "tuan" => Recurrence.Weekly,
                "thang" => Recurrence.Monthly,
                "quy" => Recurrence.Quarterly,
                _ => Recurrence.Yearly,
            });
        if (HalfYearly().IsMatch(folded)) return new DuePhrase(DuePhraseKind.Recurring, written, Every: Recurrence.HalfYearly);
        if (MonthEveryYear().Match(folded) is { Success: true } my)
        {
            var month = int.Parse(my.Groups["month"].Value, CultureInfo.InvariantCulture);
            return month is < 1 or > 12 ? null : new DuePhrase(DuePhraseKind.Recurring, written, Month: month, Every: Recurrence.Yearly);
        }
        if (DayEveryYear().Match(folded) is { Success: true } dy)
        {
            int month = int.Parse(dy.Groups["month"].Value, CultureInfo.InvariantCulture), day = int.Parse(dy.Groups["day"].Value, CultureInfo.InvariantCulture);
            // Checked against a leap year: "29/02 hằng năm" is the month's last day in other years.
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2024, month)) return null;
            return new DuePhrase(DuePhraseKind.Recurring, written, Month: month, Every: Recurrence.Yearly, Day: day);
        }
        if (DayEveryMonth().Match(folded) is { Success: true } dm)
        {
            var day = int.Parse(dm.Groups["day"].Value, CultureInfo.InvariantCulture);
            return day is < 1 or > 31 ? null : new DuePhrase(DuePhraseKind.Recurring, written, Every: Recurrence.Monthly, Day: day);
        }
        return null;
    }

    private static DuePhrase? Month(string written, string monthText, Group yearGroup, int? defaultYear, DuePhraseMonthPart part)
    {
        var month = int.Parse(monthText, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) return null;
        var kind = part == DuePhraseMonthPart.Whole ? DuePhraseKind.Month : DuePhraseKind.MonthPart;
        return new DuePhrase(kind, written, Year(yearGroup, defaultYear), month, part);
    }

    private static int QuarterNumber(string text) => VietnameseText.ParseRoman(text) ?? int.Parse(text, CultureInfo.InvariantCulture);

    private static int? Year(Group group, int? defaultYear) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : defaultYear;

    private static bool TryDate(int year, string month, string day, out DateOnly date)
    {
        date = default;
        int m = int.Parse(month, CultureInfo.InvariantCulture), d = int.Parse(day, CultureInfo.InvariantCulture);
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(year, m)) return false;
        date = new DateOnly(year, m, d);
        return true;
    }

    private const string YearTail = @"(?:\s*(?:/|-|\.|nam)\s*(?<year>\d{4}))?";
    private const string Every = @"\s*,?\s*(?:hang|moi)\s+";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // Words that frame a phrase without changing it: "hoàn thành trong tháng 3", "thực hiện vào quý II".
    [GeneratedRegex(@"^(?:(?:hoan thanh|thuc hien|to chuc|trien khai)\s+)?(?:(?:trong|vao)\s+)?")]
    private static partial Regex Lead();

    [GeneratedRegex(@"^(?:(?:thuong xuyen|lien tuc)(?:\s*(?:,|va)?\s*(?:thuong xuyen|lien tuc))?(?:\s+(?:trong|ca)\s+nam(?:\s+\d{4})?)?|(?:trong\s+)?ca\s+nam(?:\s+\d{4})?)$")]
    private static partial Regex Ongoing();

    [GeneratedRegex(@"^(?:dinh ky\s*,?\s*)?(?:hang|moi)\s+(tuan|thang|quy|nam)$")]
    private static partial Regex Recurring();

    [GeneratedRegex(@"^(?:dinh ky\s+(?:6|sau)\s+thang|(?:6|sau)\s+thang\s*(?:/|mot|1)\s*lan|(?:hang|moi)\s+(?:6|sau)\s+thang)$")]
    private static partial Regex HalfYearly();

    [GeneratedRegex(@"^thang\s+(?<month>\d{1,2})" + Every + "nam$")]
    private static partial Regex MonthEveryYear();

    [GeneratedRegex(@"^(?:(?:truoc|cham nhat|han)\s*:?\s*)?(?:ngay\s*)?(?<day>\d{1,2})\s*(?:/|-|\.|thang)\s*(?<month>\d{1,2})" + Every + "nam$")]
    private static partial Regex DayEveryYear();

    [GeneratedRegex(@"^(?:(?:truoc|cham nhat|han)\s*:?\s*)?ngay\s*(?<day>\d{1,2})" + Every + "thang$")]
    private static partial Regex DayEveryMonth();

    [GeneratedRegex(@"^(?<part>dau|giua|cuoi)\s+thang\s+(?<month>\d{1,2})" + YearTail + "$")]
    private static partial Regex MonthPartPattern();

    [GeneratedRegex(@"^thang\s+(?<month>\d{1,2})" + YearTail + "$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^quy\s+(?<q>iv|iii|ii|i|[1-4])" + YearTail + "$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(?:(?:truoc|cham nhat|han chot|han)\s*:?\s*)?(?:ngay\s*)?(?<day>\d{1,2})\s*(?:/|-|\.|thang)\s*(?<month>\d{1,2})(?:\s*(?:/|-|\.|nam)\s*(?<year>\d{4}))?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(?:6|sau)\s+thang\s+(?<half>dau|cuoi)\s+nam(?:\s+(?<year>\d{4}))?$")]
    private static partial Regex HalfYearPattern();

    [GeneratedRegex(@"^nam(?:\s+(?<year>\d{4}))?$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^(?:(?:tu|truoc|cham nhat|han)\s+)?(?:(?:dau|giua|cuoi)\s+)?(?:(?:thang|ngay)\s*\d|quy\s+(?:[ivx]+|\d)\b)")]
    private static partial Regex DueShape();
}
