using Mediator;
using Microsoft.AspNetCore.Mvc;
using PlanApi.Common;
using PlanApi.Common.Security;

namespace PlanApi.Features.Exports;

/// <summary>A plan's status as CSV or XLSX, and due dates as iCalendar feeds to subscribe to.</summary>
[Route("api/v{version:apiVersion}")]
[Tags("Exports")]
public sealed class ExportsController(ISender sender) : ApiControllerBase
{
    /// <summary>Export a plan's status as CSV</summary>
    /// <remarks>One row per item in ordinal order, UTF-8 with a byte order mark so that Excel shows Vietnamese
    /// correctly; RFC 4180 quoting, CRLF line ends. Columns (headers in Vietnamese, English in parentheses): TT, quarter,
    /// content, lead, coordinators (names joined by "; "), due phrase, due start, due end, status (snake_case as in
    /// JSON), percent complete, overdue (True/False, as of today in Asia/Ho_Chi_Minh), days overdue, completed on, last
    /// reported at (Việt Nam time). Dates are ISO 8601. Published and closed plans need no credentials; drafts do.</remarks>
    /// <param name="planId">The plan's id.</param>
    /// <response code="200">The CSV file, as an attachment named after the plan (e.g. 244-KH-UBND-2023-status.csv).</response>
    /// <response code="404">No plan has this id (or it is a draft and the call has no credentials).</response>
    [HttpGet("plans/{planId}/export.csv")]
    [Produces(PlanStatusSheet.CsvMediaType)]
    [ProducesResponseType<FileStreamResult>(StatusCodes.Status200OK, PlanStatusSheet.CsvMediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> ExportPlanCsv(Guid planId, CancellationToken ct) =>
        ExportFileResult.StatusCsv(await sender.Send(new GetPlanExportQuery(planId, User.CanReadDrafts()), ct));

    /// <summary>Export a plan's status as an Excel workbook</summary>
    /// <remarks>The same columns as the CSV export, in one sheet ("Tình trạng") with a frozen, filterable header row;
    /// numbers, dates and overdue (a boolean) are typed cells. Streamed as it is written. Opens in Excel and
    /// LibreOffice.</remarks>
    /// <param name="planId">The plan's id.</param>
    /// <response code="200">The XLSX workbook, as an attachment named after the plan (e.g. 244-KH-UBND-2023-status.xlsx).</response>
    /// <response code="404">No plan has this id (or it is a draft and the call has no credentials).</response>
    [HttpGet("plans/{planId}/export.xlsx")]
    [Produces(PlanStatusSheet.XlsxMediaType)]
    [ProducesResponseType<FileStreamResult>(StatusCodes.Status200OK, PlanStatusSheet.XlsxMediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> ExportPlanXlsx(Guid planId, CancellationToken ct) =>
        ExportFileResult.StatusXlsx(await sender.Send(new GetPlanExportQuery(planId, User.CanReadDrafts()), ct));

    /// <summary>A plan's due dates as an iCalendar feed</summary>
    /// <remarks>A URL to subscribe to in Outlook, Google or Apple Calendar. One all-day event per item over its due window
    /// (DTEND is the day after the window's last day), titled "244/KH-UBND · TT 6: …", described with the lead,
    /// co-operating agencies and status. Each event's UID ("{planId}-{ordinal}@planapi") never changes, so updates
    /// replace events instead of duplicating them. Events are transparent (they do not block free/busy time).</remarks>
    /// <param name="planId">The plan's id.</param>
    /// <response code="200">The calendar (RFC 5545).</response>
    /// <response code="404">No plan has this id (or it is a draft and the call has no credentials).</response>
    [HttpGet("plans/{planId}/calendar.ics")]
    [Produces(DueCalendar.MediaType)]
    [ProducesResponseType<FileStreamResult>(StatusCodes.Status200OK, DueCalendar.MediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> GetPlanCalendar(Guid planId, CancellationToken ct) =>
        ExportFileResult.PlanCalendar(await sender.Send(new GetPlanExportQuery(planId, User.CanReadDrafts()), ct));

    /// <summary>An agency's due dates as an iCalendar feed</summary>
    /// <remarks>Every item the agency leads or co-operates on, across published and closed plans, as all-day events over
    /// their due windows; the same events (same UIDs) as in the plans' own calendars. Drafts are included only with
    /// <c>includeDrafts=true</c> and credentials.</remarks>
    /// <param name="code">The agency's code.</param>
    /// <param name="includeDrafts">Include items of draft plans (authenticated callers only).</param>
    /// <response code="200">The calendar (RFC 5545).</response>
    /// <response code="404">No agency has this code.</response>
    [HttpGet("agencies/{code}/calendar.ics")]
    [Produces(DueCalendar.MediaType)]
    [ProducesResponseType<FileStreamResult>(StatusCodes.Status200OK, DueCalendar.MediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> GetAgencyCalendar(string code, bool includeDrafts = false, CancellationToken ct = default) =>
        ExportFileResult.AgencyCalendar(await sender.Send(new GetAgencyCalendarQuery(code, includeDrafts && User.CanReadDrafts()), ct));
}
