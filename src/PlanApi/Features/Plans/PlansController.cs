using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PlanApi.Common;
using PlanApi.Common.Security;
using PlanApi.Domain;

namespace PlanApi.Features.Plans;

/// <summary>Plans (kế hoạch): the documents whose tasks agencies execute and report on.</summary>
[Route("api/v{version:apiVersion}/plans")]
[Tags("Plans")]
public sealed class PlansController(ISender sender) : ApiControllerBase
{
    /// <summary>List plans</summary>
    /// <remarks>Newest plan year first (best match first with <c>q</c>). Anonymous callers see published and closed plans; credentials show drafts too. Filter by plan year, issuing agency, lifecycle, or search number and title
    /// ignoring case and diacritics (<c>q=thi dua</c> finds "thi đua").</remarks>
    /// <param name="year">The year the plan is for, e.g. 2023.</param>
    /// <param name="issuer">Code of the issuing agency, e.g. <c>ubnd-can-tho</c>.</param>
    /// <param name="lifecycle">draft, published or closed.</param>
    /// <param name="q">Words from the number or title.</param>
    /// <param name="limit">Page size, 1–100.</param>
    /// <param name="offset">Entries to skip.</param>
    /// <response code="200">A page of plans.</response>
    [HttpGet]
    [ProducesResponseType<Page<PlanSummaryDto>>(StatusCodes.Status200OK)]
    [Changes.ChangesCursor]
    public async Task<ActionResult<Page<PlanSummaryDto>>> List(
        int? year, string? issuer, PlanLifecycle? lifecycle, string? q,
        int limit = Paging.DefaultLimit, int offset = 0, CancellationToken ct = default) =>
        (await sender.Send(new ListPlansQuery(year, issuer, lifecycle, q, User.CanReadDrafts(), limit, offset), ct)).WithLinks(Request);

    /// <summary>Get a plan</summary>
    /// <remarks>The plan's metadata: legal bases, purposes, requirements, duties, recipients and signature.
    /// Its tasks are at <c>/plans/{planId}/items</c>.</remarks>
    /// <param name="planId">The plan's id.</param>
    /// <response code="200">The plan.</response>
    /// <response code="404">No plan has this id (or it is a draft and the caller is anonymous).</response>
    [HttpGet("{planId}", Name = "GetPlan")]
    [ProducesResponseType<PlanDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult<PlanDto>> Get(Guid planId, CancellationToken ct) =>
        await sender.Send(new GetPlanQuery(planId, IncludeDrafts: User.CanReadDrafts()), ct);

    /// <summary>Create a plan</summary>
    /// <remarks>Creates a plan, as a draft unless <c>lifecycle</c> says published. Add its tasks with
    /// <c>POST /plans/{planId}/items</c>. The number is unique per issuer and year of issue.</remarks>
    /// <response code="201">The plan was created; Location points at it.</response>
    /// <response code="409">The issuer already has a plan with this number in that year.</response>
    /// <response code="422">The issuer or an agency named in the duties does not exist, or the lifecycle is not allowed.</response>
    [Authorize(Policy = Policies.Admin)]
    [HttpPost]
    [ProducesResponseType<PlanDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<PlanDto>> Create(PlanFields body, CancellationToken ct)
    {
        var plan = await sender.Send(new CreatePlanCommand(body), ct);
        return CreatedAtRoute("GetPlan", new { planId = plan.Id, version = "1" }, plan);
    }

    /// <summary>Update a plan</summary>
    /// <remarks>Replaces the plan's metadata. Moves its lifecycle: draft → published → closed (a closed plan can be
    /// published again; nothing returns to draft).</remarks>
    /// <param name="planId">The plan's id.</param>
    /// <param name="body">The plan's new fields.</param>
    /// <param name="ifMatch">The ETag from your last GET of the resource (required).</param>
    /// <response code="200">The updated plan.</response>
    /// <response code="404">No plan has this id.</response>
    /// <response code="409">The issuer already has another plan with this number in that year.</response>
    /// <response code="422">An agency does not exist, or the lifecycle move is not allowed.</response>
    /// <response code="412">If-Match names an older version: someone changed the resource since you read it.</response>
    /// <response code="428">If-Match is missing.</response>
    [Authorize(Policy = Policies.Admin)]
    [HttpPut("{planId}")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, ProblemJson)]
    [ProducesResponseType<PlanDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<PlanDto>> Update(
        Guid planId, PlanFields body, [FromHeader(Name = IfMatchHeader)] string? ifMatch, CancellationToken ct)
    {
        return await sender.Send(new UpdatePlanCommand(planId, body, ifMatch), ct);
    }

    /// <summary>Delete a draft plan</summary>
    /// <remarks>Deletes a draft and its items. Published and closed plans are public records and cannot be deleted.</remarks>
    /// <param name="planId">The plan's id.</param>
    /// <param name="ifMatch">The ETag from your last GET of the resource (required).</param>
    /// <response code="204">The plan was deleted.</response>
    /// <response code="404">No plan has this id.</response>
    /// <response code="422">The plan is not a draft.</response>
    /// <response code="412">If-Match names an older version: someone changed the resource since you read it.</response>
    /// <response code="428">If-Match is missing.</response>
    [Authorize(Policy = Policies.Admin)]
    [HttpDelete("{planId}")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, ProblemJson)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<IActionResult> Delete(Guid planId, [FromHeader(Name = IfMatchHeader)] string? ifMatch, CancellationToken ct)
    {
        await sender.Send(new DeletePlanCommand(planId, ifMatch), ct);
        return NoContent();
    }
}
