using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.ProgressSheets;

/// <summary>
/// What a department's clerk does with a progress sheet: download it, type into its cells (as Excel saves them:
/// shared strings), save it and upload it. Cells are found by the keys of the sheet's first row.
/// </summary>
internal static class ProgressSheetFiles
{
    public const string Department = "so-gddt-can-tho";

    public static async Task<byte[]> DownloadAsync(HttpClient client, string format = "xlsx", string code = Department)
    {
        var response = await client.GetAsync($"/api/v1/agencies/{code}/progress-sheet.{format}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName, bool commit, string code = Department)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        return client.PostAsync($"/api/v1/agencies/{code}/progress-imports?commit={(commit ? "true" : "false")}", form);
    }

    public static async Task<JsonNode> UploadJsonAsync(HttpClient client, byte[] file, string fileName, bool commit) =>
        await (await UploadAsync(client, file, fileName, commit)).JsonAsync(System.Net.HttpStatusCode.OK);

    /// <summary>The sheet's item rows: row number → (plan id, ordinal), read from the id cells.</summary>
    public static Dictionary<int, (string PlanId, int Ordinal)> Rows(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var (sheet, keys) = Sheet(document);
        var rows = new Dictionary<int, (string, int)>();
        foreach (var row in sheet.Descendants<Row>().Where(r => r.RowIndex! > 2))
        {
            var n = (int)row.RowIndex!.Value;
            rows[n] = (Text(document, row, keys["plan_id"]), int.Parse(Text(document, row, keys["ordinal"]), System.Globalization.CultureInfo.InvariantCulture));
        }
        return rows;
    }

    /// <summary>Types values into cells by row number and column key, as shared strings (what Excel writes).</summary>
    public static byte[] Fill(byte[] xlsx, IEnumerable<(int Row, string Key, string Value)> values)
    {
        var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var (sheet, keys) = Sheet(document);
            var workbook = document.WorkbookPart!;
            var shared = workbook.SharedStringTablePart ?? workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable ??= new SharedStringTable();
            foreach (var (rowNumber, key, value) in values)
            {
                var reference = keys[key] + rowNumber;
                var cell = sheet.Descendants<Cell>().Single(c => c.CellReference == reference);
                shared.SharedStringTable.Append(new SharedStringItem(new Text(value)));
                var index = shared.SharedStringTable.Elements<SharedStringItem>().Count() - 1;
                cell.InlineString = null;
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            shared.SharedStringTable.Save();
            sheet.Save();
        }
        return stream.ToArray();
    }

    public static (Worksheet Sheet, Dictionary<string, string> Keys) Sheet(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart!;
        var part = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var keyRow = part.Worksheet.Descendants<Row>().Single(r => r.RowIndex! == 1);
        var keys = keyRow.Elements<Cell>().ToDictionary(c => Text(document, keyRow, c), c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()));
        return (part.Worksheet, keys);
    }

    private static string Text(SpreadsheetDocument document, Row row, string column) =>
        Text(document, row, row.Elements<Cell>().Single(c => c.CellReference == column + row.RowIndex));

    public static string Text(SpreadsheetDocument document, Row row, Cell cell) =>
        cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText
        : cell.DataType?.Value == CellValues.SharedString
            ? document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).InnerText
            : cell.CellValue?.Text ?? "";

    /// <summary>A CSV sheet's records as fields (the sheet's own quoting: fields with commas or quotes are quoted).</summary>
    public static List<List<string>> CsvRecords(byte[] csv)
    {
        var text = Encoding.UTF8.GetString(csv).TrimStart('\uFEFF');
        var records = new List<List<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { fields.Add(field.ToString()); field.Clear(); records.Add(fields); fields = []; }
            else field.Append(c);
        }
        return records;
    }

    public static byte[] Csv(IEnumerable<List<string>> records) => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Concat(
        records.Select(r => string.Join(',', r.Select(f => f.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{f.Replace("\"", "\"\"")}\"" : f)) + "\r\n")))).ToArray();
}
