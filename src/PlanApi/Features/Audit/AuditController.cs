using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PlanApi.Common;
using PlanApi.Common.Security;

namespace PlanApi.Features.Audit;

/// <summary>The audit trail: every accepted write with who made it and the resource before and after (admins only).</summary>
[Route("api/v{version:apiVersion}/audit")]
[Tags("Audit")]
[Authorize(Policy = Policies.Admin)]
public sealed class AuditController(ISender sender) : ApiControllerBase
{
    /// <summary>Read the audit trail</summary>
    /// <remarks>Newest first. Each entry is written in the same transaction as the write it records.</remarks>
    /// <param name="resourceType">plan, plan_item, progress_report, agency, grouping or api_key.</param>
    /// <param name="resourceKey">A resource's id or code ("{planId}/{ordinal}" for items).</param>
    /// <param name="client">A client id ("key:{id}", "jwt:{client}") or client name.</param>
    /// <param name="from">Entries at or after this time.</param>
    /// <param name="to">Entries at or before this time.</param>
    /// <param name="limit">Page size, 1–100.</param>
    /// <param name="offset">Entries to skip.</param>
    /// <response code="200">A page of entries.</response>
    [HttpGet]
    [ProducesResponseType<Page<AuditEntryDto>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<Page<AuditEntryDto>>> List(
        string? resourceType, string? resourceKey, string? client, DateTimeOffset? from, DateTimeOffset? to,
        int limit = Paging.DefaultLimit, int offset = 0, CancellationToken ct = default) =>
        (await sender.Send(new ListAuditEntriesQuery(resourceType, resourceKey, client, from, to, limit, offset), ct)).WithLinks(Request);
}
