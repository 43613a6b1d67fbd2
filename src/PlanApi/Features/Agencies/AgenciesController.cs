using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PlanApi.Common;
using PlanApi.Common.Security;
using PlanApi.Domain;
using PlanApi.Features.Items;

namespace PlanApi.Features.Agencies;

/// <summary>Agencies (cơ quan, đơn vị, địa phương), addressed by their stable code.</summary>
[Route("api/v{version:apiVersion}/agencies")]
[Tags("Agencies")]
public sealed class AgenciesController(ISender sender) : ApiControllerBase
{
    /// <summary>List or search agencies</summary>
    /// <remarks><c>q</c> matches the name, short name, aliases and former names ignoring case, diacritics and
    /// punctuation ("ninh kieu" finds "Ninh Kiều", "TDKT" finds "TĐKT"), or an exact code or national identifier. Best
    /// matches first. Agencies that have ended are listed too (with <c>validUntil</c> and their successors) unless
    /// <c>active</c> or <c>asOf</c> says otherwise.</remarks>
    /// <param name="q">Words from a name or alias, or an exact code or identifier (mã định danh).</param>
    /// <param name="kind">Kind of body.</param>
    /// <param name="jurisdiction">An administrative unit code: "916" lists the agencies of quận Ninh Kiều; a province's code ("92") also lists those of its districts and communes. "none" lists central bodies.</param>
    /// <param name="asOf">Only agencies that exist on this day (YYYY-MM-DD).</param>
    /// <param name="active">true: only agencies that exist today; false: only those that have ended or not yet begun.</param>
    /// <param name="limit">Page size, 1–100.</param>
    /// <param name="offset">Entries to skip.</param>
    /// <response code="200">A page of agencies.</response>
    [HttpGet]
    [ProducesResponseType<Page<AgencyDto>>(StatusCodes.Status200OK)]
    [Changes.ChangesCursor]
    public async Task<ActionResult<Page<AgencyDto>>> List(
        string? q, AgencyKind? kind, string? jurisdiction = null, DateOnly? asOf = null, bool? active = null,
        int limit = Paging.DefaultLimit, int offset = 0, CancellationToken ct = default) =>
        (await sender.Send(new ListAgenciesQuery(q, kind, limit, offset, jurisdiction, asOf, active), ct)).WithLinks(Request);

    /// <summary>Get an agency</summary>
    /// <remarks>Codes are stable: other systems may store them.</remarks>
    /// <param name="code">The agency's code.</param>
    /// <response code="200">The agency.</response>
    /// <response code="404">No agency has this code.</response>
    [HttpGet("{code}", Name = "GetAgency")]
    [ProducesResponseType<AgencyDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult<AgencyDto>> Get(string code, CancellationToken ct) =>
        await sender.Send(new GetAgencyQuery(code), ct);

    /// <summary>Register an agency</summary>
    /// <remarks>The code is the agency's permanent identifier in URLs and other systems, unique nationwide: end it
    /// with its jurisdiction ("so-noi-vu-thai-binh"). An agency that replaces others (a merger) is registered first,
    /// then named among their <c>successors</c>.</remarks>
    /// <response code="201">The agency was created; Location points at it.</response>
    /// <response code="409">An agency with this code, or with this national identifier, already exists.</response>
    /// <response code="422">The parent or a successor does not exist, or the jurisdiction names no unit that exists while the agency does.</response>
    [Authorize(Policy = Policies.Admin)]
    [HttpPost]
    [ProducesResponseType<AgencyDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<AgencyDto>> Create(CreateAgencyCommand body, CancellationToken ct)
    {
        var agency = await sender.Send(body, ct);
        return CreatedAtRoute("GetAgency", new { code = agency.Code, version = "1" }, agency);
    }

    /// <summary>Update an agency</summary>
    /// <remarks>Replaces every writable field (send back what a GET showed, changed); the code cannot change. A new
    /// name keeps the old one among <c>formerNames</c>. To record that the agency ended, set <c>validUntil</c> and
    /// name its <c>successors</c>: from the next day its open items are on their to-do lists, they may report on
    /// them, and credentials bound to it are refused.</remarks>
    /// <param name="code">The agency's code.</param>
    /// <param name="body">The agency's new fields.</param>
    /// <param name="ifMatch">The ETag from your last GET of the resource (required).</param>
    /// <response code="200">The updated agency.</response>
    /// <response code="404">No agency has this code.</response>
    /// <response code="409">Another agency has this national identifier.</response>
    /// <response code="422">The parent or a successor does not exist or would make a cycle, or the jurisdiction names no unit that exists while the agency does.</response>
    /// <response code="412">If-Match names an older version: someone changed the resource since you read it.</response>
    /// <response code="428">If-Match is missing.</response>
    [Authorize(Policy = Policies.Admin)]
    [HttpPut("{code}")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, ProblemJson)]
    [ProducesResponseType<AgencyDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<AgencyDto>> Update(
        string code, AgencyFields body, [FromHeader(Name = IfMatchHeader)] string? ifMatch, CancellationToken ct)
    {
        return await sender.Send(new UpdateAgencyCommand(code, body, ifMatch), ct);
    }

    /// <summary>An agency's items across plans</summary>
    /// <remarks>The agency's to-do list: every item it leads or co-operates on in published and closed plans,
    /// soonest due first, and the open items of the agencies it succeeded (a ward has the open items of the district it
    /// replaced), each marked with <c>inheritedFrom</c>: the item keeps the agency its plan named. Drafts are included
    /// only with <c>includeDrafts=true</c> and credentials.</remarks>
    /// <param name="code">The agency's code.</param>
    /// <param name="role">any (default), lead or coordinator.</param>
    /// <param name="year">Plan year.</param>
    /// <param name="planId">Only this plan.</param>
    /// <param name="status">Current status.</param>
    /// <param name="overdue">true: only overdue items; false: only items that are not overdue.</param>
    /// <param name="includeDrafts">Include items of draft plans (authenticated callers only).</param>
    /// <param name="limit">Page size, 1–100.</param>
    /// <param name="offset">Entries to skip.</param>
    /// <response code="200">A page of items.</response>
    /// <response code="404">No agency has this code.</response>
    [HttpGet("{code}/items")]
    [ProducesResponseType<Page<PlanItemDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [Changes.ChangesCursor]
    public async Task<ActionResult<Page<PlanItemDto>>> Items(
        string code, AgencyRole role = AgencyRole.Any, int? year = null, Guid? planId = null, ItemStatus? status = null,
        bool? overdue = null, bool includeDrafts = false, int limit = Paging.DefaultLimit, int offset = 0,
        CancellationToken ct = default) =>
        (await sender.Send(new ListAgencyItemsQuery(code, role, year, planId, status, overdue, includeDrafts && User.CanReadDrafts(), limit, offset), ct))
        .WithLinks(Request);
}
