using Mediator;
using Microsoft.AspNetCore.Mvc;
using PlanApi.Common;
using PlanApi.Domain;

namespace PlanApi.Features.AdministrativeUnits;

/// <summary>
/// Việt Nam's administrative units (đơn vị hành chính) as the national lists define them, before and after the
/// 1 July 2025 reorganisation. A code is read together with a date (<c>asOf</c>): the same code can name another area
/// before and after. The lists are facts: they never change through the API.
/// </summary>
[Route("api/v{version:apiVersion}/administrative-units")]
[Tags("Administrative units")]
public sealed class AdministrativeUnitsController(ISender sender) : ApiControllerBase
{
    /// <summary>List or search administrative units</summary>
    /// <remarks>Only the versions valid on <c>asOf</c> (default: today in Việt Nam). Until 2025-06-30 there are
    /// 63 provinces, 696 districts and 10,035 communes; from 2025-07-01, 34 provinces and 3,321 communes and no districts.
    /// Ordered by code (provinces, then districts, then communes). <c>q</c> matches the name ignoring case, diacritics
    /// and punctuation, best match first (an exact code or name, then names that begin with it, then the rest):
    /// "ninh kieu" finds "Phường Ninh Kiều".</remarks>
    /// <param name="level">Only units of this tier.</param>
    /// <param name="parent">Only the units directly below this code's unit on <c>asOf</c>: districts or communes (since 2025-07-01, a province's communes).</param>
    /// <param name="province">Only units in the province with this code (the province itself included).</param>
    /// <param name="q">Words from a name, or an exact code.</param>
    /// <param name="asOf">The day to read the lists at (yyyy-MM-dd); default today in Việt Nam (Asia/Ho_Chi_Minh).</param>
    /// <param name="limit">Page size, 1–100.</param>
    /// <param name="offset">Entries to skip.</param>
    /// <response code="200">A page of units valid on <c>asOf</c>.</response>
    [HttpGet]
    [ProducesResponseType<Page<AdministrativeUnitSummaryDto>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<Page<AdministrativeUnitSummaryDto>>> List(
        UnitLevel? level, string? parent, string? province, string? q, DateOnly? asOf,
        int limit = Paging.DefaultLimit, int offset = 0, CancellationToken ct = default) =>
        (await sender.Send(new ListAdministrativeUnitsQuery(level, parent, province, q, asOf, limit, offset), ct)).WithLinks(Request);

    /// <summary>Get an administrative unit at a date</summary>
    /// <remarks>The version of the unit valid on <c>asOf</c> (default: today in Việt Nam), with its parent, children,
    /// successors and predecessors. When the unit had ended by <c>asOf</c>, the answer is its last version: its
    /// <c>validUntil</c> shows when it ended and <c>successors</c> where its area went (Hậu Giang, 93, at 2025-07-01:
    /// ended 2025-06-30, merged into Cần Thơ, 92).</remarks>
    /// <param name="code">The unit's code: 2 digits for a province, 3 for a district, 5 for a commune.</param>
    /// <param name="asOf">The day to read the code at (yyyy-MM-dd); default today in Việt Nam (Asia/Ho_Chi_Minh).</param>
    /// <response code="200">The unit's version valid on <c>asOf</c>, or its last version if it had ended by then.</response>
    /// <response code="404">No unit has this code, or the code names a unit only from a later day (the detail says which).</response>
    [HttpGet("{code}")]
    [ProducesResponseType<AdministrativeUnitDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult<AdministrativeUnitDto>> Get(string code, DateOnly? asOf, CancellationToken ct) =>
        await sender.Send(new GetAdministrativeUnitQuery(code, asOf), ct);
}
