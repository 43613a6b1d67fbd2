using System.Globalization;
using PlanApi.Domain;

namespace PlanApi.Features.ProgressSheets;

/// <summary>One column of a progress sheet: its stable key (the hidden first row), its Vietnamese header and whether the agency fills it.</summary>
internal sealed record ProgressSheetColumn(string Key, string Header, bool Filled, double Width);

/// <summary>
/// The columns of a progress sheet, in order, and the status words it accepts. Row 1 holds the English keys (hidden in
/// the workbook) and row 2 the Vietnamese headers; items start at row 3. Files are read by the keys, so a column moved
/// or a header retyped changes nothing; a cell is named by its column letter and row number ("H7") as Excel shows it.
/// </summary>
internal static class ProgressSheetLayout
{
    public const string PlanId = "plan_id";
    public const string Version = "version";
    public const string PlanNumber = "plan_number";
    public const string Ordinal = "ordinal";
    public const string Content = "content";
    public const string Due = "due";
    public const string CurrentStatus = "current_status";
    public const string Status = "status";
    public const string Percent = "percent";
    public const string Summary = "summary";
    public const string EvidenceNumber = "evidence_number";
    public const string EvidenceDate = "evidence_date";
    public const string EvidenceUrl = "evidence_url";
    public const string PeriodFrom = "period_from";
    public const string PeriodTo = "period_to";

    public const int KeyRow = 1;
    public const int HeaderRow = 2;
    public const int FirstItemRow = 3;

    public static readonly IReadOnlyList<ProgressSheetColumn> Columns =
    [
        new(PlanId, "Mã kế hoạch (không sửa)", false, 38),
        new(Version, "Phiên bản (không sửa)", false, 12),
        new(PlanNumber, "Số kế hoạch", false, 16),
        new(Ordinal, "TT", false, 6),
        new(Content, "Nội dung nhiệm vụ", false, 60),
        new(Due, "Thời hạn", false, 18),
        new(CurrentStatus, "Trạng thái hiện tại", false, 16),
        new(Status, "Trạng thái báo cáo", true, 18),
        new(Percent, "Tiến độ (%)", true, 10),
        new(Summary, "Kết quả thực hiện", true, 60),
        new(EvidenceNumber, "Số văn bản", true, 16),
        new(EvidenceDate, "Ngày văn bản", true, 13),
        new(EvidenceUrl, "Đường dẫn văn bản", true, 36),
        new(PeriodFrom, "Kỳ báo cáo từ ngày", true, 13),
        new(PeriodTo, "Kỳ báo cáo đến ngày", true, 13),
    ];

    /// <summary>The keys a file must carry to be read.</summary>
    public static readonly IReadOnlyList<string> RequiredKeys =
        [PlanId, Version, Ordinal, Status, Percent, Summary, EvidenceNumber, EvidenceDate, EvidenceUrl, PeriodFrom, PeriodTo];

    /// <summary>The cells that make a row a report: a row with none of them filled is left out.</summary>
    public static readonly IReadOnlyList<string> ReportKeys = [Status, Percent, Summary, EvidenceNumber, EvidenceDate, EvidenceUrl];

    public static int IndexOf(string key) => Columns.Select((c, i) => (c, i)).First(x => x.c.Key == key).i;

    /// <summary>The Vietnamese words of the status list (the sheet's drop-down); the API's snake_case names are read too.</summary>
    public static readonly IReadOnlyList<(ItemStatus Status, string Label)> StatusLabels =
    [
        (ItemStatus.NotStarted, "Chưa thực hiện"),
        (ItemStatus.InProgress, "Đang thực hiện"),
        (ItemStatus.Completed, "Hoàn thành"),
        (ItemStatus.Postponed, "Tạm hoãn"),
        (ItemStatus.Cancelled, "Không thực hiện"),
    ];

    public static string LabelOf(ItemStatus status) => StatusLabels.First(s => s.Status == status).Label;

    /// <summary>A status as typed: a label of the list or an API name, in any case, with or without diacritics.</summary>
    public static ItemStatus? ParseStatus(string text)
    {
        var folded = SearchText.Fold(text);
        if (folded.Length == 0) return null;
        foreach (var (status, label) in StatusLabels)
        {
            if (SearchText.Fold(label) == folded || SearchText.Fold(Common.EnumNames<ItemStatus>.ToName(status)) == folded) return status;
        }
        return null;
    }

    /// <summary>0 → "A", 25 → "Z", 26 → "AA".</summary>
    public static string Letter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    /// <summary>"AB" → 27; -1 when the text is not a column name.</summary>
    public static int IndexOfLetters(ReadOnlySpan<char> letters)
    {
        var n = 0;
        foreach (var c in letters)
        {
            if (c is < 'A' or > 'Z' || n > 100_000) return -1;
            n = n * 26 + (c - 'A' + 1);
        }
        return n - 1;
    }

    public static string Cell(int columnIndex, int row) => Letter(columnIndex) + row.ToString(CultureInfo.InvariantCulture);
}
