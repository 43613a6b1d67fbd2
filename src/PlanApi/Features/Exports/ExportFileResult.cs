using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using PlanApi.Common;

namespace PlanApi.Features.Exports;

/// <summary>
/// Writes an export straight to the response body, with the headers JSON GETs get from <see cref="ConditionalGetCache"/>:
/// an ETag (a hash of the export model, so that polling an unchanged plan costs a 304 and no file), Cache-Control
/// no-cache and Vary on credentials (drafts are exported to credentials only).
/// </summary>
/// <param name="model">What the file is written from; its hash is the ETag.</param>
/// <param name="byteStable">Whether the same model always gives the same bytes (a strong ETag). An XLSX is a ZIP whose
/// entries carry the time they were written, so it gets a weak one.</param>
internal sealed partial class ExportFileResult(
    object model, string contentType, string disposition, string fileName, bool byteStable, Func<Stream, CancellationToken, Task> write)
    : IActionResult
{
    private const string Utf8 = "; charset=utf-8";

    public static ExportFileResult StatusCsv(PlanExport export) => new(
        export, PlanStatusSheet.CsvMediaType + Utf8, "attachment", PlanFileName(export, "status.csv"), true,
        (stream, ct) => PlanStatusSheet.WriteCsvAsync(stream, export, ct));

    public static ExportFileResult StatusXlsx(PlanExport export) => new(
        export, PlanStatusSheet.XlsxMediaType, "attachment", PlanFileName(export, "status.xlsx"), false,
        (stream, ct) => PlanStatusSheet.WriteXlsxAsync(stream, export, ct));

    /// <summary>Calendars are inline: a subscription URL is read by calendar apps, not saved by browsers.</summary>
    public static ExportFileResult PlanCalendar(PlanExport export) =>
        Calendar(export, PlanFileName(export, "calendar.ics"), () => DueCalendar.ForPlan(export));

    public static ExportFileResult AgencyCalendar(AgencyCalendarExport export) =>
        Calendar(export, $"{export.Agency.Code}-calendar.ics", () => DueCalendar.ForAgency(export));

    private static ExportFileResult Calendar(object model, string fileName, Func<string> text) => new(
        model, DueCalendar.MediaType + Utf8, "inline", fileName, true,
        async (stream, ct) => await stream.WriteAsync(Encoding.UTF8.GetBytes(text()), ct));

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var etag = (byteStable ? "" : "W/") + ETags.For(ETags.Serialize(model, model.GetType()));
        // Not remembered: an export is always checked against the store, so a write is in the next poll's file at once,
        // another instance's too (a JSON poll may be answered from memory for up to the store check's interval).
        var conditional = context.HttpContext.RequestServices.GetRequiredService<ConditionalGetCache>();
        if (conditional.IsNotModified(context.HttpContext, etag, lastModified: null, remember: false))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentType = contentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue(disposition)
        {
            FileName = AsciiFileName(fileName),
            FileNameStar = fileName,
        }.ToString();
        await using var body = new SyncWriteBufferStream(response.Body);
        await write(body, context.HttpContext.RequestAborted);
        await body.FlushAsync(context.HttpContext.RequestAborted);
    }

    /// <summary>"244/KH-UBND" of 2023 → "244-KH-UBND-2023-status.csv"; Vietnamese letters stay (filename* carries them).</summary>
    private static string PlanFileName(PlanExport export, string suffix) =>
        $"{Unsafe().Replace(export.Plan.Number, "-").Trim('-')}-{export.Plan.Year.ToString(CultureInfo.InvariantCulture)}-{suffix}";

    /// <summary>The plain filename= for clients without RFC 6266 filename*: ASCII letters, digits, '.', '-' and '_'.</summary>
    private static string AsciiFileName(string name)
    {
        var folded = new StringBuilder();
        foreach (var c in name.Replace('Đ', 'D').Replace('đ', 'd').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-');
        }
        return Dashes().Replace(folded.ToString(), "-").Trim('-');
    }

    [GeneratedRegex(@"[\\/:*?""<>|\s\p{C}]+")]
    private static partial Regex Unsafe();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Dashes();
}
