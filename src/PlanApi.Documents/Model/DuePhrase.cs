namespace PlanApi.Documents;

/// <summary>How precise a due phrase is.</summary>
public enum DueKind
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
    /// <summary>"năm 2023", "cả năm".</summary>
    Year,
    /// <summary>"thường xuyên", "liên tục".</summary>
    Ongoing,
    /// <summary>"hằng tháng", "hằng quý".</summary>
    Recurring,
    /// <summary>Written in a due column but not understood; only the text is kept.</summary>
    Unrecognized,
}

/// <summary>Part of a month: đầu (days 1–10), giữa (11–20), cuối (21–end), or the whole month.</summary>
public enum MonthPart
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
    Yearly,
}

/// <summary>
/// A due phrase and what it means. Only the fields of its kind are set; Text is always the phrase as written.
/// </summary>
public sealed record DuePhrase(
    DueKind Kind,
    string Text,
    int? Year = null,
    int? Month = null,
    MonthPart? Part = null,
    int? Quarter = null,
    int? Half = null,
    DateOnly? Date = null,
    Recurrence? Every = null);
