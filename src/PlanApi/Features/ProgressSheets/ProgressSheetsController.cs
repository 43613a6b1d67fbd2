using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PlanApi.Common;
using PlanApi.Common.Security;
using PlanApi.Features.Exports;

namespace PlanApi.Features.ProgressSheets;

/// <summary>An uploaded progress sheet.</summary>
public sealed class ProgressSheetUpload
{
    /// <summary>The filled sheet: the workbook (.xlsx) or CSV (UTF-8) as downloaded, at most {config:Limits:MaxUploadBytes}.</summary>
    [FromForm(Name = "file")]
    public IFormFile? File { get; set; }
}

/// <summary>Progress sheets: an agency's open items as a spreadsheet to fill in, and the filled sheet uploaded as progress reports.</summary>
[Route("api/v{version:apiVersion}/agencies/{code}")]
[Tags("Progress sheets")]
public sealed class ProgressSheetsController(ISender sender) : ApiControllerBase
{
    /// <summary>Download an agency's progress sheet (Excel)</summary>
    /// <remarks>
    /// One row per open item the agency can report on: the items of published plans it leads or co-operates on, and the
    /// open items of the agencies it succeeded, as `GET /agencies/{code}/items` lists them; a recurring item has a row
    /// per occurrence no report covers yet (the late ones and the current one), its period filled in.
    ///
    /// Row 1 (hidden) holds the column keys the upload reads by — `plan_id`, `version`, `plan_number`, `ordinal`,
    /// `content`, `due`, `current_status`, `status`, `percent`, `summary`, `evidence_number`, `evidence_date`,
    /// `evidence_url`, `period_from`, `period_to` — and row 2 the Vietnamese headers; items start at row 3. The id
    /// columns (plan id, the item's version when the sheet was made) are hidden and, with the context columns (plan
    /// number, TT, content, due, current status), locked; the sheet is protected without a password. Fill in status (a
    /// drop-down list: Chưa thực hiện, Đang thực hiện, Hoàn thành, Tạm hoãn, Không thực hiện), percent (a whole number
    /// 0–100), summary and, if any, the evidence document's number, date and link, and the period; leave a row empty to
    /// report nothing on it. Then upload it to `POST /agencies/{code}/progress-imports`.
    /// </remarks>
    /// <param name="code">The agency's code.</param>
    /// <response code="200">The workbook, as an attachment named after the agency (e.g. so-gddt-can-tho-progress-sheet.xlsx).</response>
    /// <response code="404">No agency has this code.</response>
    [HttpGet("progress-sheet.xlsx")]
    [Produces(ProgressSheetWriter.XlsxMediaType)]
    [ProducesResponseType<FileStreamResult>(StatusCodes.Status200OK, ProgressSheetWriter.XlsxMediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> GetXlsx(string code, CancellationToken ct)
    {
        var sheet = await sender.Send(new GetProgressSheetQuery(code), ct);
        return new ExportFileResult(sheet, ProgressSheetWriter.XlsxMediaType, "attachment", $"{sheet.AgencyCode}-progress-sheet.xlsx", false,
            (stream, token) => ProgressSheetWriter.WriteXlsxAsync(stream, sheet, token));
    }

    /// <summary>Download an agency's progress sheet (CSV)</summary>
    /// <remarks>
    /// The same rows and columns as the workbook, UTF-8 with a byte order mark, RFC 4180 quoting, CRLF line ends: line 1
    /// the column keys, line 2 the Vietnamese headers, items from line 3; dates ISO 8601. Fill in the report columns and
    /// upload the file as it is (CSV UTF-8) to `POST /agencies/{code}/progress-imports`.
    /// </remarks>
    /// <param name="code">The agency's code.</param>
    /// <response code="200">The CSV file, as an attachment named after the agency (e.g. so-gddt-can-tho-progress-sheet.csv).</response>
    /// <response code="404">No agency has this code.</response>
    [HttpGet("progress-sheet.csv")]
    [Produces(ProgressSheetWriter.CsvMediaType)]
    [ProducesResponseType<FileStreamResult>(StatusCodes.Status200OK, ProgressSheetWriter.CsvMediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> GetCsv(string code, CancellationToken ct)
    {
        var sheet = await sender.Send(new GetProgressSheetQuery(code), ct);
        return new ExportFileResult(sheet, ProgressSheetWriter.CsvMediaType + "; charset=utf-8", "attachment", $"{sheet.AgencyCode}-progress-sheet.csv", true,
            (stream, token) => ProgressSheetWriter.WriteCsvAsync(stream, sheet, token));
    }
}

/// <summary>Filled progress sheets uploaded as progress reports (reporters for their agency, admins for any).</summary>
[Route("api/v{version:apiVersion}/agencies/{code}")]
[Tags("Progress sheets")]
[Consumes("multipart/form-data")]
[AcceptsUploads]
public sealed class ProgressImportsController(ISender sender, IOptions<RequestLimitsOptions> limits) : ApiControllerBase
{
    /// <summary>Upload a filled progress sheet</summary>
    /// <remarks>
    /// Reads a sheet downloaded from `progress-sheet.xlsx` or `progress-sheet.csv` (either format, whichever was
    /// downloaded) and answers row by row. By default (`commit=false`) it is a preview and writes nothing; with
    /// `commit=true` each valid filled row is posted as one progress report, exactly as `POST
    /// /plans/{planId}/items/{ordinal}/progress-reports` posts it (same rules, audit trail and change feed), each row in
    /// its own transaction. Outcomes: `would_report` (preview) or `reported` (commit, with `reportId`); `unchanged` (no
    /// report cell filled: left out); `error` (not posted; `errors` names each cell to correct, as "H7", and why);
    /// `stale` (the item changed since the sheet was made — another report, an edit — so the row is not posted over it:
    /// download the sheet again); `already_reported` (the same row was posted before, from this or another upload);
    /// `duplicate` (the same report as an earlier row of the file).
    ///
    /// **Exactly once per row:** each row is posted with an Idempotency-Key made from the agency, the item and the
    /// row's values (kept {config:Idempotency:Retention}), so uploading the same file again, or the same row in another
    /// file, never reports twice; a row the item has moved past since is stale after that. Rows with errors are never
    /// posted; the other rows are. A reporter credential uploads for its own agency only; an admin for any agency.
    /// </remarks>
    /// <param name="code">The agency the sheet reports for.</param>
    /// <param name="commit">Post the valid rows (true), or only preview them (false, the default).</param>
    /// <param name="upload">The file.</param>
    /// <response code="200">The rows and what became (or would become) of each.</response>
    /// <response code="400">No file in the <c>file</c> field, or the file is empty.</response>
    /// <response code="403">A reporter credential of another agency.</response>
    /// <response code="404">No agency has this code.</response>
    /// <response code="409">Another upload is posting the same row at this moment; retry.</response>
    /// <response code="422">The file is not a progress sheet that can be read (not XLSX or UTF-8 CSV, no row of column keys, an old .xls), or the agency has ended.</response>
    [Authorize(Policy = Policies.Reporter)]
    [HttpPost("progress-imports")]
    [ProducesResponseType<ProgressImportDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<ProgressImportDto>> Import(string code, [FromForm] ProgressSheetUpload upload, bool commit = false, CancellationToken ct = default)
    {
        if (upload.File is not { } file) throw new RequestValidationException("file", "Upload the filled sheet in the 'file' field.");
        if (file.Length == 0) throw new RequestValidationException("file", "The file is empty.");
        var max = limits.Value.MaxUploadBytes;
        if (file.Length > max)
            throw new BadHttpRequestException(ByteSizes.TooLarge("Progress sheets", max, file.Length), StatusCodes.Status413PayloadTooLarge);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return await sender.Send(new ImportProgressSheetRequest(code, buffer.ToArray(), commit, User.AgencyCode(), User.IsAdmin()), ct);
    }
}
