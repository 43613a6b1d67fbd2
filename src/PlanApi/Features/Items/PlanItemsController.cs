using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PlanApi.Common;
using PlanApi.Common.Security;
using PlanApi.Domain;

namespace PlanApi.Features.Items;

/// <summary>Plan items: the tasks of a plan, addressed by their ordinal (TT).</summary>
[Route("api/v{version:apiVersion}/plans/{planId}/items")]
[Tags("Plan items")]
public sealed class PlanItemsController(ISender sender) : ApiControllerBase
{
    /// <summary>List a plan's items</summary>
    /// <remarks>In ordinal order (best match first with <c>q</c>). Each item carries its status (from its newest progress report), its due window and
    /// whether it is overdue today (Asia/Ho_Chi_Minh). Filters combine with AND.</remarks>
    /// <param name="planId">The plan's id.</param>
    /// <param name="quarter">Quarter group 1–4.</param>
    /// <param name="lead">Code of the lead agency.</param>
    /// <param name="agency">Code of an agency that leads or co-operates.</param>
    /// <param name="status">Current status.</param>
    /// <param name="overdue">true: only overdue items; false: only items that are not overdue.</param>
    /// <param name="q">Words from the content, ignoring case and diacritics.</param>
    /// <param name="group">A group of items: its label as printed ("II", "B") or, for a heading without one, its title.</param>
    /// <param name="limit">Page size, 1–100.</param>
    /// <param name="offset">Entries to skip.</param>
    /// <response code="200">A page of items.</response>
    /// <response code="404">No plan has this id.</response>
    [HttpGet]
    [ProducesResponseType<Page<PlanItemDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [Changes.ChangesCursor]
    public async Task<ActionResult<Page<PlanItemDto>>> List(
        Guid planId, int? quarter, string? lead, string? agency, ItemStatus? status, bool? overdue, string? q, string? group,
        int limit = Paging.DefaultLimit, int offset = 0, CancellationToken ct = default) =>
        (await sender.Send(new ListPlanItemsQuery(planId, quarter, lead, agency, status, overdue, q, User.CanReadDrafts(), limit, offset, group), ct))
        .WithLinks(Request);

    /// <summary>Get an item</summary>
    /// <remarks>With its lead and coordinating agencies, its due window and its status as of its newest progress report.</remarks>
    /// <param name="planId">The plan's id.</param>
    /// <param name="ordinal">The item's ordinal (TT).</param>
    /// <response code="200">The item.</response>
    /// <response code="404">No such plan, or no item with this ordinal in it.</response>
    [HttpGet("{ordinal}", Name = "GetPlanItem")]
    [ProducesResponseType<PlanItemDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult<PlanItemDto>> Get(Guid planId, int ordinal, CancellationToken ct) =>
        await sender.Send(new GetPlanItemQuery(planId, ordinal, User.CanReadDrafts()), ct);

    /// <summary>Who an item names and who has reported</summary>
    /// <remarks>The lead and co-operating agencies as the plan names them, each with its last report on the item. A
    /// set ("UBND các xã, phường", "các sở, ban, ngành") lists its members on the plan's date of issue, each with its
    /// last report, and how many have reported.</remarks>
    /// <param name="planId">The plan's id.</param>
    /// <param name="ordinal">The item's ordinal (TT).</param>
    /// <response code="200">The item's assignees.</response>
    /// <response code="404">No such plan, or no item with this ordinal in it.</response>
    [HttpGet("{ordinal}/assignees")]
    [ProducesResponseType<ItemAssigneesDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult<ItemAssigneesDto>> Assignees(Guid planId, int ordinal, CancellationToken ct) =>
        await sender.Send(new GetItemAssigneesQuery(planId, ordinal, User.CanReadDrafts()), ct);

    /// <summary>Add an item to a plan</summary>
    /// <remarks>The lead and coordinating agencies are given by code. Omit <c>due</c> when the document gives no due
    /// phrase: the item is then due by the end of its quarter.</remarks>
    /// <param name="planId">The plan's id.</param>
    /// <param name="body">The new item.</param>
    /// <response code="201">The item was created; Location points at it.</response>
    /// <response code="404">No plan has this id.</response>
    /// <response code="409">The plan already has an item with this ordinal.</response>
    /// <response code="422">An agency code does not exist, or the plan is closed.</response>
    [Authorize(Policy = Policies.Admin)]
    [HttpPost]
    [ProducesResponseType<PlanItemDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<PlanItemDto>> Create(Guid planId, CreatePlanItemBody body, CancellationToken ct)
    {
        var item = await sender.Send(new CreatePlanItemCommand(planId, body), ct);
        return CreatedAtRoute("GetPlanItem", new { planId, ordinal = item.Ordinal, version = "1" }, item);
    }

    /// <summary>Update an item</summary>
    /// <remarks>Replaces the item's content, agencies and due period. Its status is not writable: it follows the
    /// item's progress reports.</remarks>
    /// <param name="planId">The plan's id.</param>
    /// <param name="ordinal">The item's ordinal (TT).</param>
    /// <param name="body">The item's new fields.</param>
    /// <param name="ifMatch">The ETag from your last GET of the resource (required).</param>
    /// <response code="200">The updated item.</response>
    /// <response code="404">No such plan or item.</response>
    /// <response code="422">An agency code does not exist, or the plan is closed.</response>
    /// <response code="412">If-Match names an older version: someone changed the resource since you read it.</response>
    /// <response code="428">If-Match is missing.</response>
    [Authorize(Policy = Policies.Admin)]
    [HttpPut("{ordinal}")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, ProblemJson)]
    [ProducesResponseType<PlanItemDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<PlanItemDto>> Update(
        Guid planId, int ordinal, PlanItemFields body, [FromHeader(Name = IfMatchHeader)] string? ifMatch, CancellationToken ct)
    {
        return await sender.Send(new UpdatePlanItemCommand(planId, ordinal, body, ifMatch), ct);
    }

    /// <summary>Delete an item</summary>
    /// <remarks>Only items without progress reports can be deleted: reported work is never thrown away.</remarks>
    /// <param name="planId">The plan's id.</param>
    /// <param name="ordinal">The item's ordinal (TT).</param>
    /// <param name="ifMatch">The ETag from your last GET of the resource (required).</param>
    /// <response code="204">The item was deleted.</response>
    /// <response code="404">No such plan or item.</response>
    /// <response code="422">The item has progress reports, or the plan is closed.</response>
    /// <response code="412">If-Match names an older version: someone changed the resource since you read it.</response>
    /// <response code="428">If-Match is missing.</response>
    [Authorize(Policy = Policies.Admin)]
    [HttpDelete("{ordinal}")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, ProblemJson)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<IActionResult> Delete(Guid planId, int ordinal, [FromHeader(Name = IfMatchHeader)] string? ifMatch, CancellationToken ct)
    {
        await sender.Send(new DeletePlanItemCommand(planId, ordinal, ifMatch), ct);
        return NoContent();
    }
}
