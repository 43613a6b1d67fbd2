using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PlanApi.Features.ProgressSheets;

/// <summary>
/// Reads an uploaded progress sheet, XLSX or CSV (told apart by content, not by name), into rows of cells. Bounded: a
/// sheet has one row per open item, so a file of more rows or columns than any agency has is refused, not read on.
/// </summary>
internal static class ProgressSheetReader
{
    public const int MaxRows = 20_000;
    private const int MaxColumns = 64;
    private const int MaxSharedStrings = 200_000;

    /// <summary>"xlsx" or "csv", for the answer.</summary>
    public static string FormatOf(byte[] content) => IsZip(content) ? "xlsx" : "csv";

    public static List<RawSheetRow> Read(byte[] content)
    {
        if (content.Length >= 4 && content[0] == 0xD0 && content[1] == 0xCF && content[2] == 0x11 && content[3] == 0xE0)
            throw new ProgressSheetFormatException("This is an old Excel 97–2003 (.xls) file: save it as an Excel workbook (.xlsx) or as CSV UTF-8.");
        return IsZip(content) ? ReadXlsx(content) : ReadCsv(content);
    }

    private static bool IsZip(byte[] content) => content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;

    private static List<RawSheetRow> ReadXlsx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw new ProgressSheetFormatException("The file is a ZIP archive but not an Excel workbook.");
            var first = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new ProgressSheetFormatException("The workbook has no sheet.");
            if (first.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart sheet)
                throw new ProgressSheetFormatException("The workbook's first sheet cannot be read.");
            var shared = SharedStrings(workbook.SharedStringTablePart);
            return Rows(sheet, shared);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException
            or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            throw new ProgressSheetFormatException($"The file cannot be read as an Excel workbook (.xlsx): {e.Message}");
        }
    }

    private static List<string> SharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null) return strings;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(SharedStringItem) || !reader.IsStartElement) continue;
            if (strings.Count >= MaxSharedStrings) throw new ProgressSheetFormatException("The workbook holds more text than any progress sheet.");
            var item = (SharedStringItem)reader.LoadCurrentElement()!;
            // Plain text, or rich text whose characters are in runs (phonetic guides are not part of the value).
            strings.Add(string.Concat(item.Elements<Text>().Select(t => t.Text).Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""))));
        }
        return strings;
    }

    private static List<RawSheetRow> Rows(WorksheetPart sheet, List<string> shared)
    {
        var rows = new List<RawSheetRow>();
        using var reader = OpenXmlReader.Create(sheet);
        var previous = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            if (rows.Count >= MaxRows) throw new ProgressSheetFormatException($"The sheet has more than {MaxRows} rows: no agency has that many open items.");
            var row = (Row)reader.LoadCurrentElement()!;
            var number = (int)(row.RowIndex?.Value ?? (uint)(previous + 1));
            previous = number;
            var cells = new Dictionary<int, RawCell>();
            var column = -1;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : column + 1;
                if (column < 0 || column >= MaxColumns) continue;
                cells[column] = Value(cell, shared);
            }
            rows.Add(new RawSheetRow(number, cells));
        }
        return rows;
    }

    private static int ColumnOf(string reference)
    {
        var letters = 0;
        while (letters < reference.Length && char.IsAsciiLetterUpper(reference[letters])) letters++;
        return ProgressSheetLayout.IndexOfLetters(reference.AsSpan(0, letters));
    }

    private static RawCell Value(Cell cell, List<string> shared)
    {
        var text = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return new RawCell(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : "");
        if (type == CellValues.InlineString) return new RawCell(cell.InlineString?.InnerText ?? "");
        if (type == CellValues.Boolean) return new RawCell(text == "1" ? "TRUE" : "FALSE");
        if (type == CellValues.String || type == CellValues.Error || type == CellValues.Date) return new RawCell(text);
        return new RawCell(text, Numeric: text.Length > 0);
    }

    /// <summary>RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; a comma or a semicolon separates.</summary>
    private static List<RawSheetRow> ReadCsv(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw new ProgressSheetFormatException("The file is neither an Excel workbook (.xlsx) nor UTF-8 text: save it as .xlsx or as CSV UTF-8.");
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (text.Contains('\0')) throw new ProgressSheetFormatException("The file is neither an Excel workbook (.xlsx) nor CSV text.");
        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOfAny(['\r', '\n']) is var n and >= 0 ? n : text.Length));
        var separator = firstLine.Contains(';') && !firstLine.Contains(',') ? ';' : ',';

        var rows = new List<RawSheetRow>();
        var cells = new Dictionary<int, RawCell>();
        var field = new StringBuilder();
        var quoted = false;
        var number = 1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\n';
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else if (i == text.Length) throw new ProgressSheetFormatException($"Row {number} opens a quoted field that never closes.");
                else field.Append(c);
                continue;
            }
            if (c == '"' && field.Length == 0) { quoted = true; continue; }
            if (c == separator || c is '\r' or '\n')
            {
                if (cells.Count < MaxColumns) cells[cells.Count] = new RawCell(field.ToString());
                field.Clear();
                if (c == separator) continue;
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                if (i >= text.Length && cells.Count == 1 && cells[0].Text.Length == 0) break;
                if (rows.Count >= MaxRows) throw new ProgressSheetFormatException($"The file has more than {MaxRows} rows: no agency has that many open items.");
                rows.Add(new RawSheetRow(number++, cells));
                cells = new Dictionary<int, RawCell>();
                continue;
            }
            field.Append(c);
        }
        return rows;
    }
}
