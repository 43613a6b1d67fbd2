using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PlanApi.Common;
using PlanApi.Domain;
using PlanApi.Features.ProgressReports;

namespace PlanApi.Features.ProgressSheets;

/// <summary>A cell as the file holds it: its text, and whether the file typed it as a number (dates in a workbook are day numbers).</summary>
internal readonly record struct RawCell(string Text, bool Numeric = false);

/// <summary>One row of an uploaded file: its number as the spreadsheet shows it, and its cells by column index (0 = A).</summary>
internal sealed record RawSheetRow(int Number, IReadOnlyDictionary<int, RawCell> Cells);

/// <summary>What is wrong with a cell, named as the spreadsheet names it ("H7").</summary>
/// <param name="Cell">The cell reference.</param>
/// <param name="Column">The column's key (<c>status</c>, <c>percent</c> …).</param>
/// <param name="Message">What to change.</param>
public sealed record ProgressImportErrorDto(string Cell, string Column, string Message);

/// <summary>One row of an uploaded sheet, read but not yet checked against the store.</summary>
/// <param name="Filled">Whether any report cell is filled; an unfilled row is left out.</param>
/// <param name="Body">The report the row asks for, when it is filled and every cell reads.</param>
internal sealed record ProgressSheetEntry(
    int Row, Guid? PlanId, int? Ordinal, uint? Version, bool Filled, ProgressReportBody? Body, IReadOnlyList<ProgressImportErrorDto> Errors,
    IReadOnlyDictionary<string, int> Columns)
{
    public string CellOf(string key) => ProgressSheetLayout.Cell(Columns[key], Row);

    /// <summary>
    /// What makes the row's report itself: the item and every value reported, hashed. The same row uploaded again, in
    /// this file or another, as XLSX or CSV, has the same hash, so it is reported once.
    /// </summary>
    public string ContentHash()
    {
        var b = Body ?? throw new InvalidOperationException("Only a filled row that reads has a report to hash.");
        var canonical = string.Join('\u001f',
            PlanId?.ToString("D"), Ordinal?.ToString(CultureInfo.InvariantCulture), EnumNames<ItemStatus>.ToName(b.Status),
            b.PercentComplete?.ToString(CultureInfo.InvariantCulture), b.Summary.Trim(), b.Evidence?.DocumentNumber?.Trim(),
            Iso(b.Evidence?.DocumentDate), b.Evidence?.Url?.Trim(), Iso(b.PeriodFrom), Iso(b.PeriodTo));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonical));
        return Convert.ToBase64String(hash, 0, 24).Replace('+', '-').Replace('/', '_');
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The file is not a progress sheet at all (no key row): the whole upload is refused.</summary>
internal sealed class ProgressSheetFormatException(string message) : Exception(message);

/// <summary>
/// Reads the rows of an uploaded progress sheet into reports, cell by cell, with no store at hand: the key row finds the
/// columns, each later row is an item (or left out when empty), and every cell that does not read names itself.
/// </summary>
internal static class ProgressSheetParser
{
    /// <summary>Rows searched for the key row: it is the first, but a sheet saved with a title above it still reads.</summary>
    private const int KeyRowSearch = 10;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy/M/d"];

    public static List<ProgressSheetEntry> Parse(IReadOnlyList<RawSheetRow> rows)
    {
        var (keyRow, columns) = FindKeys(rows);
        var headerTexts = ProgressSheetLayout.Columns.Select(c => c.Header).ToHashSet(StringComparer.Ordinal);
        var entries = new List<ProgressSheetEntry>();
        foreach (var row in rows.Where(r => r.Number > keyRow))
        {
            string Text(string key) => row.Cells.TryGetValue(columns[key], out var c) ? Clean(c.Text) : "";
            if (columns.Keys.All(k => Text(k).Length == 0)) continue;
            // The Vietnamese header row, in whatever place it was saved.
            if (headerTexts.Contains(Text(ProgressSheetLayout.PlanId))) continue;
            entries.Add(ParseRow(row, columns));
        }
        return entries;
    }

    private static (int Row, Dictionary<string, int> Columns) FindKeys(IReadOnlyList<RawSheetRow> rows)
    {
        foreach (var row in rows.Where(r => r.Number <= KeyRowSearch))
        {
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (index, cell) in row.Cells)
            {
                var key = Clean(cell.Text).ToLowerInvariant();
                if (ProgressSheetLayout.Columns.Any(c => c.Key == key)) columns.TryAdd(key, index);
            }
            if (ProgressSheetLayout.RequiredKeys.All(columns.ContainsKey)) return (row.Number, columns);
        }
        throw new ProgressSheetFormatException(
            $"No row of column keys ({string.Join(", ", ProgressSheetLayout.RequiredKeys)}) in the first {KeyRowSearch} rows: " +
            "upload a sheet downloaded from GET /api/v1/agencies/{code}/progress-sheet.xlsx (or .csv), keeping its first row.");
    }

    internal static ProgressSheetEntry ParseRow(RawSheetRow row, IReadOnlyDictionary<string, int> columns)
    {
        var errors = new List<ProgressImportErrorDto>();
        RawCell Raw(string key) => row.Cells.TryGetValue(columns[key], out var c) ? c with { Text = Clean(c.Text) } : new RawCell("");
        void Error(string key, string message) =>
            errors.Add(new ProgressImportErrorDto(ProgressSheetLayout.Cell(columns[key], row.Number), key, message));

        Guid? planId = Guid.TryParse(Raw(ProgressSheetLayout.PlanId).Text, out var p) ? p : null;
        if (planId is null) Error(ProgressSheetLayout.PlanId, "Not a plan id: keep the value the downloaded sheet has.");
        var ordinal = WholeNumber(Raw(ProgressSheetLayout.Ordinal));
        if (ordinal is not > 0) Error(ProgressSheetLayout.Ordinal, "Not an item number (TT): keep the value the downloaded sheet has.");
        uint? version = uint.TryParse(Raw(ProgressSheetLayout.Version).Text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        if (version is null) Error(ProgressSheetLayout.Version, "Not a version: keep the value the downloaded sheet has.");

        var filled = ProgressSheetLayout.ReportKeys.Any(k => Raw(k).Text.Length > 0);
        if (!filled) return new ProgressSheetEntry(row.Number, planId, ordinal, version, false, null, [], columns);

        var statusText = Raw(ProgressSheetLayout.Status).Text;
        var status = ProgressSheetLayout.ParseStatus(statusText);
        if (statusText.Length == 0) Error(ProgressSheetLayout.Status, "Choose the status from the list.");
        else if (status is null)
            Error(ProgressSheetLayout.Status, $"'{statusText}' is not a status: choose one of {string.Join(", ", ProgressSheetLayout.StatusLabels.Select(s => s.Label))}.");

        int? percent = null;
        var percentCell = Raw(ProgressSheetLayout.Percent);
        if (percentCell.Text.Length > 0)
        {
            percent = WholeNumber(percentCell with { Text = percentCell.Text.TrimEnd('%').TrimEnd() });
            if (percent is not (>= 0 and <= 100)) Error(ProgressSheetLayout.Percent, "A whole number from 0 to 100.");
        }
        var summary = Raw(ProgressSheetLayout.Summary).Text;
        if (summary.Length == 0) Error(ProgressSheetLayout.Summary, "Write what was done.");

        var evidenceDate = Date(ProgressSheetLayout.EvidenceDate);
        var from = Date(ProgressSheetLayout.PeriodFrom);
        var to = Date(ProgressSheetLayout.PeriodTo);
        var number = Raw(ProgressSheetLayout.EvidenceNumber).Text;
        var url = Raw(ProgressSheetLayout.EvidenceUrl).Text;
        var evidence = number.Length == 0 && url.Length == 0 && evidenceDate is null
            ? null
            : new EvidenceDto(number.Length == 0 ? null : number, evidenceDate, url.Length == 0 ? null : url);

        var body = errors.Count == 0
            ? new ProgressReportBody(null, status!.Value, percent is >= 0 and <= 100 ? percent : null, summary, evidence, from, to)
            : null;
        return new ProgressSheetEntry(row.Number, planId, ordinal, version, true, body, errors, columns);

        DateOnly? Date(string key)
        {
            var cell = Raw(key);
            if (cell.Text.Length == 0) return null;
            var date = ReadDate(cell);
            if (date is null) Error(key, $"'{cell.Text}' is not a date: write it as 2023-02-08 or 08/02/2023.");
            return date;
        }
    }

    /// <summary>A day number of a workbook (days since 1899-12-30), or a date written out, day before month as in Việt Nam.</summary>
    internal static DateOnly? ReadDate(RawCell cell)
    {
        if (cell.Numeric && double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
            return serial is >= 1 and < 2958466 && serial == Math.Floor(serial) ? DateOnly.FromDateTime(DateTime.FromOADate(serial)) : null;
        var text = cell.Text;
        // A date-and-time text ("2023-02-08 00:00:00", as some tools save dates) is its date.
        if (text.Length > 10 && text[10] is ' ' or 'T') text = text[..10];
        return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary>A whole number, typed ("50" or a workbook's "50.0") or written; null otherwise.</summary>
    internal static int? WholeNumber(RawCell cell)
    {
        if (int.TryParse(cell.Text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var n)) return n;
        return double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < 1e9
            ? (int)d
            : null;
    }

    /// <summary>Trimmed, NFC (text typed on any system compares equal), and empty for whitespace.</summary>
    private static string Clean(string text)
    {
        var trimmed = text.Trim();
        try
        {
            return trimmed.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return trimmed;
        }
    }
}
