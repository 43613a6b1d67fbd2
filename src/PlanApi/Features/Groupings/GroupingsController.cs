using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PlanApi.Common;
using PlanApi.Common.Security;
using PlanApi.Domain;

namespace PlanApi.Features.Groupings;

/// <summary>Cụm and khối thi đua: emulation clusters and blocks, with members and the year's head and deputy.</summary>
[Route("api/v{version:apiVersion}/groupings")]
[Tags("Groupings")]
public sealed class GroupingsController(ISender sender) : ApiControllerBase
{
    /// <summary>List groupings</summary>
    /// <remarks>Newest year first. A cụm or khối is defined per year, since members and roles change yearly.</remarks>
    /// <param name="year">Emulation year.</param>
    /// <param name="kind">cum or khoi.</param>
    /// <param name="member">Code of a member agency.</param>
    /// <param name="limit">Page size, 1–100.</param>
    /// <param name="offset">Entries to skip.</param>
    /// <response code="200">A page of groupings.</response>
    [HttpGet]
    [ProducesResponseType<Page<GroupingDto>>(StatusCodes.Status200OK)]
    [Changes.ChangesCursor]
    public async Task<ActionResult<Page<GroupingDto>>> List(
        int? year, GroupingKind? kind, string? member, int limit = Paging.DefaultLimit, int offset = 0,
        CancellationToken ct = default) =>
        (await sender.Send(new ListGroupingsQuery(year, kind, member, limit, offset), ct)).WithLinks(Request);

    /// <summary>Get a grouping</summary>
    /// <remarks>With its members, head (Trưởng) and deputy (Phó) for its year.</remarks>
    /// <param name="code">The grouping's code.</param>
    /// <response code="200">The grouping.</response>
    /// <response code="404">No grouping has this code.</response>
    [HttpGet("{code}", Name = "GetGrouping")]
    [ProducesResponseType<GroupingDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult<GroupingDto>> Get(string code, CancellationToken ct) =>
        await sender.Send(new GetGroupingQuery(code), ct);

    /// <summary>Create a grouping</summary>
    /// <remarks>Head and deputy are designated each year (plan task 8) and must be members.</remarks>
    /// <response code="201">The grouping was created; Location points at it.</response>
    /// <response code="409">A grouping with this code already exists.</response>
    /// <response code="422">A member agency does not exist.</response>
    [Authorize(Policy = Policies.Admin)]
    [HttpPost]
    [ProducesResponseType<GroupingDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<GroupingDto>> Create(CreateGroupingCommand body, CancellationToken ct)
    {
        var grouping = await sender.Send(body, ct);
        return CreatedAtRoute("GetGrouping", new { code = grouping.Code, version = "1" }, grouping);
    }

    /// <summary>Update a grouping's members and roles</summary>
    /// <remarks>Replaces the name, year, members, head and deputy. The code cannot change.</remarks>
    /// <param name="code">The grouping's code.</param>
    /// <param name="body">The grouping's new fields.</param>
    /// <param name="ifMatch">The ETag from your last GET of the resource (required).</param>
    /// <response code="200">The updated grouping.</response>
    /// <response code="404">No grouping has this code.</response>
    /// <response code="422">A member agency does not exist.</response>
    /// <response code="412">If-Match names an older version: someone changed the resource since you read it.</response>
    /// <response code="428">If-Match is missing.</response>
    [Authorize(Policy = Policies.Admin)]
    [HttpPut("{code}")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, ProblemJson)]
    [ProducesResponseType<GroupingDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<GroupingDto>> Update(
        string code, GroupingFields body, [FromHeader(Name = IfMatchHeader)] string? ifMatch, CancellationToken ct)
    {
        return await sender.Send(new UpdateGroupingCommand(code, body, ifMatch), ct);
    }
}
