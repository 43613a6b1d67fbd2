using Mediator;
using Microsoft.AspNetCore.Mvc;
using PlanApi.Common;
using PlanApi.Common.Security;

namespace PlanApi.Features.Changes;

/// <summary>The change feed: every create, update and delete, for systems that mirror PlanApi.</summary>
[Route("api/v{version:apiVersion}/changes")]
[Tags("Changes")]
public sealed class ChangesController(ISender sender) : ApiControllerBase
{
    /// <summary>Poll the change feed</summary>
    /// <remarks>
    /// Start with <c>after=0</c>, process the changes, then poll <c>next</c> (it carries your cursor). A poller that
    /// always continues from its last cursor sees every change exactly once, even when writers commit out of order:
    /// a change is listed once every write that began before it has finished (a page waits up to a second for them).
    /// A report appears as a progress_report create and a plan_item update. Changes inside draft plans are listed
    /// for credentials only; when a draft is published, its plan's update is public: read its items then.
    /// </remarks>
    /// <param name="after">The last sequence you processed (0 to start).</param>
    /// <param name="limit">Page size, 1–1000 (default 100).</param>
    /// <response code="200">Changes after the cursor.</response>
    [HttpGet]
    [ProducesResponseType<ChangePage>(StatusCodes.Status200OK)]
    public async Task<ActionResult<ChangePage>> List(long after = 0, int limit = 100, CancellationToken ct = default) =>
        await sender.Send(new ListChangesQuery(after, limit, User.CanReadDrafts()), ct);
}
