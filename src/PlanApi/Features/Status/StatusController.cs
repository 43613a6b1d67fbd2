using Mediator;
using Microsoft.AspNetCore.Mvc;
using PlanApi.Common;
using PlanApi.Common.Security;

namespace PlanApi.Features.Status;

/// <summary>Plan status for the e-portal: completion, overdue items and what is due soon, computed from progress reports.</summary>
[Tags("Status")]
public sealed class StatusController(ISender sender) : ApiControllerBase
{
    /// <summary>A plan's status</summary>
    /// <remarks>
    /// Completion, counts by status, quarter and lead agency, overdue items (due window ended in Asia/Ho_Chi_Minh,
    /// neither completed nor cancelled; no due phrase = end of the item's quarter), items due in the next 30 days and
    /// the newest report. Poll with If-None-Match: the answer is 304 until a report, an edit or a new day changes it.
    /// </remarks>
    /// <param name="planId">The plan's id.</param>
    /// <response code="200">The status.</response>
    /// <response code="404">No plan has this id (or it is a draft and the caller is anonymous).</response>
    [HttpGet("api/v{version:apiVersion}/plans/{planId}/status")]
    [ProducesResponseType<PlanStatusDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult<PlanStatusDto>> Plan(Guid planId, CancellationToken ct) =>
        await sender.Send(new GetPlanStatusQuery(planId, User.CanReadDrafts()), ct);

    /// <summary>Status of every published plan</summary>
    /// <remarks>One row per published or closed plan: items, completed, overdue, completion and the newest report.</remarks>
    /// <param name="year">Plan year, e.g. 2023.</param>
    /// <param name="issuer">Code of the issuing agency.</param>
    /// <param name="limit">Page size, 1–100.</param>
    /// <param name="offset">Entries to skip.</param>
    /// <response code="200">A page of plan status rows.</response>
    [HttpGet("api/v{version:apiVersion}/status")]
    [ProducesResponseType<Page<PlanStatusRow>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<Page<PlanStatusRow>>> Plans(
        int? year, string? issuer, int limit = Paging.DefaultLimit, int offset = 0, CancellationToken ct = default) =>
        (await sender.Send(new ListPlanStatusesQuery(year, issuer, limit, offset), ct)).WithLinks(Request);

    /// <summary>An agency's status</summary>
    /// <remarks>Items the agency leads and co-operates on in published plans, with the open items of the agencies it
    /// succeeded: totals, completed, overdue, and its overdue items.</remarks>
    /// <param name="code">The agency's code.</param>
    /// <response code="200">The agency's status.</response>
    /// <response code="404">No agency has this code.</response>
    [HttpGet("api/v{version:apiVersion}/agencies/{code}/status")]
    [ProducesResponseType<AgencyStatusDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult<AgencyStatusDto>> Agency(string code, CancellationToken ct) =>
        await sender.Send(new GetAgencyStatusQuery(code), ct);
}
