namespace PlanApi.Documents;

/// <summary>How precise a due phrase is.</summary>
public enum DuePhraseKind
{
    /// <summary>"tháng 02/2023": the whole month.</summary>
    Month,
    /// <summary>"đầu / giữa / cuối tháng 02 năm 2023": part of a month.</summary>
    MonthPart,
    /// <summary>"Quý I/2023".</summary>
    Quarter,
    /// <summary>"trước ngày 15/3/2023": a deadline date.</summary>
    BeforeDate,
    /// <summary>"6 tháng đầu năm 2023" (half 1) or "6 tháng cuối năm" (half 2).</summary>
    HalfYear,
    /// <summary>"năm 2023", "trong năm 2023".</summary>
    Year,
    /// <summary>"Tháng 7 – 8/2023", "Tháng 6, 7/2024", "Quý II – III", "2021 - 2025": a window from From to To.</summary>
    Range,
    /// <summary>"thường xuyên", "liên tục", "cả năm": never overdue.</summary>
    Ongoing,
    /// <summary>"hằng tháng", "hằng quý", "Tháng 5 hằng năm", "Trước ngày 15/11 hằng năm": Every, with Month and Day when written.</summary>
    Recurring,
    /// <summary>Written in a due column but not understood; only the text is kept.</summary>
    Unrecognized,
}

/// <summary>Part of a month: đầu (days 1–10), giữa (11–20), cuối (21–end), or the whole month.</summary>
public enum DuePhraseMonthPart
{
    Whole,
    Early,
    Mid,
    Late,
}

/// <summary>How often a recurring task comes back.</summary>
public enum Recurrence
{
    Weekly,
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
}

/// <summary>
/// A due phrase and what it means. Only the fields of its kind are set; Text is always the phrase as written.
/// A recurring phrase sets Every, and Month and Day when it names them ("Trước ngày 15/11 hằng năm": 11 and 15).
/// </summary>
public sealed record DuePhrase(
    DuePhraseKind Kind,
    string Text,
    int? Year = null,
    int? Month = null,
    DuePhraseMonthPart? Part = null,
    int? Quarter = null,
    int? Half = null,
    DateOnly? Date = null,
    Recurrence? Every = null,
    int? Day = null,
    DateOnly? From = null,
    DateOnly? To = null);
