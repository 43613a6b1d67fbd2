using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PlanApi.Common;
using PlanApi.Common.Security;

namespace PlanApi.Features.ApiKeys;

/// <summary>API keys of client systems (admins only). The first admin key comes from the command line.</summary>
[Route("api/v{version:apiVersion}/api-keys")]
[Tags("API keys")]
[Authorize(Policy = Policies.Admin)]
public sealed class ApiKeysController(ISender sender) : ApiControllerBase
{
    /// <summary>List API keys</summary>
    /// <remarks>Valid keys, oldest first; with <c>includeRevoked=true</c> revoked ones too. Keys themselves are never shown again.</remarks>
    /// <param name="includeRevoked">Include revoked keys.</param>
    /// <param name="limit">Page size, 1–100.</param>
    /// <param name="offset">Entries to skip.</param>
    /// <response code="200">A page of keys.</response>
    [HttpGet]
    [ProducesResponseType<Page<ApiKeyDto>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<Page<ApiKeyDto>>> List(
        bool includeRevoked = false, int limit = Paging.DefaultLimit, int offset = 0, CancellationToken ct = default) =>
        (await sender.Send(new ListApiKeysQuery(includeRevoked, limit, offset), ct)).WithLinks(Request);

    /// <summary>Issue an API key</summary>
    /// <remarks>Returns the key once: only its hash is stored. A reporter key is bound to one agency and can post
    /// progress only on items that agency leads or co-operates on. The answer is never stored, not even for an
    /// Idempotency-Key: a retry issues another key (revoke the one you did not receive).</remarks>
    /// <response code="201">The key was issued; <c>key</c> is in this answer only.</response>
    /// <response code="422">The agency does not exist.</response>
    [HttpPost]
    [ProducesResponseType<IssuedApiKeyDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<IssuedApiKeyDto>> Create(CreateApiKeyCommand body, CancellationToken ct)
    {
        var key = await sender.Send(body, ct);
        Response.Headers.CacheControl = "no-store";
        return Created($"/api/v1/api-keys?includeRevoked=true", key);
    }

    /// <summary>Revoke an API key</summary>
    /// <remarks>The key stops working at once.</remarks>
    /// <param name="id">The key's id.</param>
    /// <response code="204">The key is revoked.</response>
    /// <response code="404">No key has this id.</response>
    [HttpDelete("{id}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> Revoke(Guid id, CancellationToken ct)
    {
        await sender.Send(new RevokeApiKeyCommand(id), ct);
        return NoContent();
    }
}
