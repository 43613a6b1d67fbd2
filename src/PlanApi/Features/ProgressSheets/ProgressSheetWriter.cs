using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using L = PlanApi.Features.ProgressSheets.ProgressSheetLayout;

namespace PlanApi.Features.ProgressSheets;

/// <summary>
/// Writes a progress sheet. The workbook has the keys in a hidden first row, Vietnamese headers frozen below them, the
/// id columns hidden, the context columns shaded and locked (the sheet is protected without a password, so only the
/// report cells take input), a drop-down list of statuses and a 0–100 whole-number rule on percent. The CSV has the
/// same rows and columns, so a cell is named the same in both.
/// </summary>
internal static class ProgressSheetWriter
{
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvMediaType = "text/csv";
    public const string SheetName = "Báo cáo tiến độ";

    private const uint HeaderStyle = 1;
    private const uint ContextStyle = 2;
    private const uint InputStyle = 3;
    private const uint InputDateStyle = 4;
    private const uint DateFormatId = 164;

    public static async Task WriteXlsxAsync(Stream stream, ProgressSheet sheet, CancellationToken ct)
    {
        // The package is built in memory (a sheet is one row per open item), then sent.
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = Worksheet(sheet);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = SheetName }));
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(stream, ct);
    }

    private static Worksheet Worksheet(ProgressSheet sheet)
    {
        var columns = new Columns(L.Columns.Select((c, i) => new Column
        {
            Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true,
            Hidden = c.Key is L.PlanId or L.Version ? true : null,
        }));
        var data = new SheetData();
        data.Append(new Row(L.Columns.Select((c, i) => Text(i, L.KeyRow, c.Key, ContextStyle))) { RowIndex = L.KeyRow, Hidden = true });
        data.Append(new Row(L.Columns.Select((c, i) => Text(i, L.HeaderRow, c.Header, HeaderStyle))) { RowIndex = L.HeaderRow });
        var row = L.FirstItemRow;
        foreach (var line in sheet.Lines)
        {
            data.Append(new Row(Cells(line, row)) { RowIndex = (uint)row });
            row++;
        }
        var last = Math.Max(row - 1, L.FirstItemRow);
        var worksheet = new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = L.HeaderRow, TopLeftCell = $"A{L.FirstItemRow}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { WorkbookViewId = 0 }),
            columns,
            data,
            // No password: the lock keeps the ids and context from being typed over by mistake, not from being changed.
            new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false, Sort = false, AutoFilter = false });
        worksheet.Append(new DataValidations(
            new DataValidation
            {
                Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true, ShowInputMessage = true,
                ErrorTitle = "Trạng thái", Error = "Chọn trạng thái trong danh sách.",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = Range(L.Status, last) },
                Formula1 = new Formula1($"\"{string.Join(',', L.StatusLabels.Select(s => s.Label))}\""),
            },
            new DataValidation
            {
                Type = DataValidationValues.Whole, Operator = DataValidationOperatorValues.Between, AllowBlank = true, ShowErrorMessage = true,
                ErrorTitle = "Tiến độ", Error = "Số nguyên từ 0 đến 100.",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = Range(L.Percent, last) },
                Formula1 = new Formula1("0"), Formula2 = new Formula2("100"),
            })
        { Count = 2 });
        return worksheet;
    }

    private static string Range(string key, int last) => $"{L.Cell(L.IndexOf(key), L.FirstItemRow)}:{L.Cell(L.IndexOf(key), last)}";

    private static IEnumerable<Cell> Cells(ProgressSheetLine line, int row)
    {
        foreach (var (column, index) in L.Columns.Select((c, i) => (c, i)))
        {
            yield return column.Key switch
            {
                L.PlanId => Text(index, row, line.PlanId.ToString("D"), ContextStyle),
                L.Version => Number(index, row, line.Version, ContextStyle),
                L.PlanNumber => Text(index, row, line.PlanNumber, ContextStyle),
                L.Ordinal => Number(index, row, line.Ordinal, ContextStyle),
                L.Content => Text(index, row, line.Content, ContextStyle),
                L.Due => Text(index, row, line.Due, ContextStyle),
                L.CurrentStatus => Text(index, row, $"{L.LabelOf(line.Status)} ({line.PercentComplete}%)", ContextStyle),
                L.PeriodFrom when line.PeriodFrom is { } from => Date(index, row, from),
                L.PeriodTo when line.PeriodTo is { } to => Date(index, row, to),
                L.EvidenceDate or L.PeriodFrom or L.PeriodTo => new Cell { CellReference = L.Cell(index, row), StyleIndex = InputDateStyle },
                _ => new Cell { CellReference = L.Cell(index, row), StyleIndex = InputStyle },
            };
        }
    }

    private static Cell Text(int column, int row, string value, uint style) => new()
    {
        CellReference = L.Cell(column, row), StyleIndex = style, DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Cell Number(int column, int row, double value, uint style) => new()
    {
        CellReference = L.Cell(column, row), StyleIndex = style, DataType = CellValues.Number,
        CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
    };

    private static Cell Date(int column, int row, DateOnly date) => new()
    {
        CellReference = L.Cell(column, row), StyleIndex = InputDateStyle, DataType = CellValues.Number,
        CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>0 default; 1 header (bold, shaded, locked); 2 context (shaded, locked, wrapped); 3 input; 4 input date.</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FillId = 2, ApplyFill = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }, new Protection { Locked = false }) { ApplyProtection = true, ApplyAlignment = true },
            new CellFormat(new Protection { Locked = false }) { NumberFormatId = DateFormatId, ApplyNumberFormat = true, ApplyProtection = true })
        { Count = 5 });

    /// <summary>UTF-8 with a byte order mark (Excel then reads Vietnamese right), RFC 4180 quoting, CRLF; dates ISO 8601.</summary>
    public static async Task WriteCsvAsync(Stream stream, ProgressSheet sheet, CancellationToken ct)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(Line(L.Columns.Select(c => c.Key)).AsMemory(), ct);
        await writer.WriteAsync(Line(L.Columns.Select(c => c.Header)).AsMemory(), ct);
        foreach (var line in sheet.Lines)
        {
            await writer.WriteAsync(Line(L.Columns.Select(c => c.Key switch
            {
                L.PlanId => line.PlanId.ToString("D"),
                L.Version => line.Version.ToString(CultureInfo.InvariantCulture),
                L.PlanNumber => line.PlanNumber,
                L.Ordinal => line.Ordinal.ToString(CultureInfo.InvariantCulture),
                L.Content => line.Content,
                L.Due => line.Due,
                L.CurrentStatus => $"{L.LabelOf(line.Status)} ({line.PercentComplete}%)",
                L.PeriodFrom => line.PeriodFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                L.PeriodTo => line.PeriodTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                _ => "",
            })).AsMemory(), ct);
        }
        await writer.FlushAsync(ct);
    }

    private static string Line(IEnumerable<string> fields) =>
        string.Join(',', fields.Select(f => f.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{f.Replace("\"", "\"\"")}\"" : f)) + "\r\n";
}
