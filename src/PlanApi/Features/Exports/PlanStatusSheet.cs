using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.Csv;
using MiniExcelLibs.OpenXml;
using PlanApi.Common;
using PlanApi.Domain;
using PlanApi.Features.Items;

namespace PlanApi.Features.Exports;

/// <summary>
/// A plan's status table, one row per item, as CSV or XLSX. Both are written by MiniExcel from <see cref="PlanStatusSheetRow"/>,
/// so the two formats cannot drift apart. Headers are Vietnamese with English in parentheses; values are the API's own
/// (snake_case status, ISO dates), so a spreadsheet and a JSON client read the same words.
/// </summary>
internal static class PlanStatusSheet
{
    public const string CsvMediaType = "text/csv";
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SheetName = "Tình trạng";

    public static Task WriteCsvAsync(Stream stream, PlanExport export, CancellationToken ct) =>
        MiniExcel.SaveAsAsync(stream, Rows(export), excelType: ExcelType.CSV, configuration: new CsvConfiguration
        {
            // The BOM is what makes Excel read the file as UTF-8 instead of the ANSI code page (mangling "Cần Thơ").
            StreamWriterFunc = s => new StreamWriter(s, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true),
            Culture = CultureInfo.InvariantCulture,
        }, cancellationToken: ct);

    public static Task WriteXlsxAsync(Stream stream, PlanExport export, CancellationToken ct) =>
        MiniExcel.SaveAsAsync(stream, Rows(export), sheetName: SheetName, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration
        {
            Culture = CultureInfo.InvariantCulture,
            FreezeRowCount = 1,
            AutoFilter = true,
        }, cancellationToken: ct);

    /// <summary>Lazily: MiniExcel writes each row as it is produced.</summary>
    public static IEnumerable<PlanStatusSheetRow> Rows(PlanExport export) => export.Items.Select(PlanStatusSheetRow.From);
}

/// <summary>One item as a row of the status table; the attributes are the column headers, widths and formats.</summary>
internal sealed class PlanStatusSheetRow
{
    private const string Date = "yyyy-MM-dd";

    [ExcelColumn(Name = "TT (No.)", Width = 6)] public int Ordinal { get; init; }
    [ExcelColumn(Name = "Quý (Quarter)", Width = 8)] public int Quarter { get; init; }
    [ExcelColumn(Name = "Nội dung (Content)", Width = 80)] public string Content { get; init; } = "";
    [ExcelColumn(Name = "Chủ trì (Lead)", Width = 36)] public string Lead { get; init; } = "";
    [ExcelColumn(Name = "Phối hợp (Coordinators)", Width = 36)] public string Coordinators { get; init; } = "";
    [ExcelColumn(Name = "Thời hạn (Due)", Width = 20)] public string DueText { get; init; } = "";
    [ExcelColumn(Name = "Từ ngày (Due start)", Width = 12)][ExcelFormat(Date)] public DateTime DueStart { get; init; }
    [ExcelColumn(Name = "Đến ngày (Due end)", Width = 12)][ExcelFormat(Date)] public DateTime DueEnd { get; init; }
    [ExcelColumn(Name = "Trạng thái (Status)", Width = 14)] public string Status { get; init; } = "";
    [ExcelColumn(Name = "Tiến độ % (Percent complete)", Width = 10)] public int PercentComplete { get; init; }
    [ExcelColumn(Name = "Quá hạn (Overdue)", Width = 10)] public bool Overdue { get; init; }
    [ExcelColumn(Name = "Số ngày quá hạn (Days overdue)", Width = 10)] public int DaysOverdue { get; init; }
    [ExcelColumn(Name = "Ngày hoàn thành (Completed on)", Width = 12)][ExcelFormat(Date)] public DateTime? CompletedOn { get; init; }
    [ExcelColumn(Name = "Báo cáo gần nhất, giờ Việt Nam (Last reported at, UTC+7)", Width = 17)]
    [ExcelFormat("yyyy-MM-dd HH:mm")]
    public DateTime? LastReportedAt { get; init; }
    // Last, so that the columns before keep their places for those who read them by position.
    [ExcelColumn(Name = "Số in (Printed number)", Width = 8)] public string Label { get; init; } = "";
    [ExcelColumn(Name = "Nhóm (Group)", Width = 36)] public string Group { get; init; } = "";
    [ExcelColumn(Name = "Loại thời hạn (Due kind)", Width = 12)] public string DueKind { get; init; } = "";
    [ExcelColumn(Name = "Hạn kế tiếp (Next due)", Width = 12)][ExcelFormat(Date)] public DateTime? NextDue { get; init; }

    public static PlanStatusSheetRow From(PlanItemDto item) => new()
    {
        Ordinal = item.Ordinal,
        Quarter = item.Quarter,
        Label = item.Label,
        Group = item.Group is { } g ? g.Label is null ? g.Title : $"{g.Label}. {g.Title}" : "",
        Content = item.Content,
        Lead = item.Lead.Name,
        Coordinators = string.Join("; ", item.Coordinators.Select(c => c.Name)),
        DueText = item.Due.Text ?? "",
        DueStart = item.Due.Start.ToDateTime(TimeOnly.MinValue),
        DueEnd = item.Due.End.ToDateTime(TimeOnly.MinValue),
        Status = EnumNames<ItemStatus>.ToName(item.Status),
        PercentComplete = item.PercentComplete,
        Overdue = item.Overdue,
        DaysOverdue = item.DaysOverdue,
        CompletedOn = item.CompletedOn?.ToDateTime(TimeOnly.MinValue),
        // Spreadsheets have no time zones: the plan's calendar is Việt Nam's, as the header says.
        LastReportedAt = item.LastReportedAt is { } at ? TimeZoneInfo.ConvertTime(at, PlanCalendar.TimeZone).DateTime : null,
        // No written deadline: due at the end of the quarter, as the API's endOfQuarter says.
        DueKind = item.Due.Kind is { } kind ? EnumNames<DueKind>.ToName(kind) : "end_of_quarter",
        NextDue = item.Due.NextDue?.ToDateTime(TimeOnly.MinValue),
    };
}
