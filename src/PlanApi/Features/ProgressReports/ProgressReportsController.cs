using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PlanApi.Common;
using PlanApi.Common.Security;

namespace PlanApi.Features.ProgressReports;

/// <summary>Progress reports: how agencies report on the items they lead or co-operate on.</summary>
[Tags("Progress reports")]
public sealed class ProgressReportsController(ISender sender) : ApiControllerBase
{
    /// <summary>List an item's progress reports</summary>
    /// <remarks>Newest first. The newest report sets the item's status.</remarks>
    /// <param name="planId">The plan's id.</param>
    /// <param name="ordinal">The item's ordinal (TT).</param>
    /// <param name="limit">Page size, 1–100.</param>
    /// <param name="offset">Entries to skip.</param>
    /// <response code="200">A page of reports.</response>
    /// <response code="404">No such plan or item.</response>
    [HttpGet("api/v{version:apiVersion}/plans/{planId}/items/{ordinal}/progress-reports")]
    [ProducesResponseType<Page<ProgressReportDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult<Page<ProgressReportDto>>> List(
        Guid planId, int ordinal, int limit = Paging.DefaultLimit, int offset = 0, CancellationToken ct = default) =>
        (await sender.Send(new ListProgressReportsQuery(planId, ordinal, User.CanReadDrafts(), limit, offset), ct)).WithLinks(Request);

    /// <summary>Post a progress report</summary>
    /// <remarks>
    /// Reports the status of an item of a published plan. A reporter credential reports for its own agency, which
    /// must lead or co-operate on the item (403 otherwise); an admin names the agency in `reportingAgencyCode`.
    /// The item's status becomes the report's.
    ///
    /// **Exactly once:** send an `Idempotency-Key` header with a fresh value (a UUID) for each new report and the
    /// same value when you retry it. A retry with the same key and body answers 201 with the original report
    /// (header `Idempotent-Replayed: true`) and stores nothing new; the same key with a different body is a 422;
    /// a retry while the first is still being processed waits for it, or gets 409 after {config:Database:LockTimeout}.
    /// Keys are scoped to the client (credential) and kept for {config:Idempotency:Retention}.
    /// </remarks>
    /// <param name="planId">The plan's id.</param>
    /// <param name="ordinal">The item's ordinal (TT).</param>
    /// <param name="idempotencyKey">A unique value per report (e.g. a UUID), repeated on retries; up to {config:Idempotency:MaxKeyLength} visible ASCII characters.</param>
    /// <param name="body">The report.</param>
    /// <response code="201">The report was accepted (or had been, for a retry); Location points at it.</response>
    /// <response code="404">No such plan or item.</response>
    /// <response code="403">The credential's agency neither leads nor co-operates on the item, or the body names another agency.</response>
    /// <response code="409">A request with this Idempotency-Key is still being processed.</response>
    /// <response code="422">The plan is not published, the agency does not exist, or the key was used for another request.</response>
    [Authorize(Policy = Policies.Reporter)]
    [HttpPost("api/v{version:apiVersion}/plans/{planId}/items/{ordinal}/progress-reports")]
    [ProducesResponseType<ProgressReportDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<ProgressReportDto>> Post(
        Guid planId, int ordinal,
        [FromHeader(Name = "Idempotency-Key")]
        [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Send an Idempotency-Key header (e.g. a UUID) so that retries never create a second report.")]
        string? idempotencyKey,
        ProgressReportBody body, CancellationToken ct)
    {
        var report = await sender.Send(new PostProgressReportCommand(planId, ordinal, User.AgencyCode(), User.IsAdmin(), body), ct);
        return CreatedAtRoute("GetProgressReport", new { id = report.Id, version = "1" }, report);
    }

    /// <summary>Get a progress report</summary>
    /// <remarks>Reports are append-only: once accepted, a report never changes.</remarks>
    /// <param name="id">The report's id.</param>
    /// <response code="200">The report.</response>
    /// <response code="404">No report has this id.</response>
    [HttpGet("api/v{version:apiVersion}/progress-reports/{id}", Name = "GetProgressReport")]
    [ProducesResponseType<ProgressReportDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult<ProgressReportDto>> Get(Guid id, CancellationToken ct) =>
        await sender.Send(new GetProgressReportQuery(id), ct);
}
