using System.Globalization;
using System.Text.RegularExpressions;

namespace PlanApi.Documents.Parsing;

/// <summary>Dates as written in documents: "ngày 09 tháng 12 năm 2022", "ngày<sup>20</sup> tháng 12", "ngày 09/12/2022".</summary>
internal static class VietnameseDates
{
    /// <summary>What follows "ngày": day, month and year as named groups d, m, y (the day may be blank in a draft).</summary>
    public const string DateBody =
        @"(?:(?<d>\d{1,2})?\s*(?:tháng|THÁNG)\s*(?<m>\d{1,2})\s*(?:năm|NĂM)\s*(?<y>\d{4})|(?<d>\d{1,2})\s*[/.\-]\s*(?<m>\d{1,2})\s*[/.\-]\s*(?<y>\d{4}))";

    public static DateOnly? FromGroups(Match m)
    {
        if (!m.Groups["d"].Success || !m.Groups["m"].Success || !m.Groups["y"].Success) return null;
        int d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, month)) return null;
        return new DateOnly(y, month, d);
    }
}
