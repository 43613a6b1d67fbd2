using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PlanApi.Common;
using PlanApi.Common.Security;
using PlanApi.Features.Plans;

namespace PlanApi.Features.Import;

/// <summary>An uploaded plan document: the file, and for a commit whether to replace a draft.</summary>
public sealed class PlanImportUpload
{
    /// <summary>The plan as .docx, text (tab-separated table rows) or Markdown (pipe tables); at most {config:Limits:MaxUploadBytes}.</summary>
    [FromForm(Name = "file")]
    public IFormFile? File { get; set; }

    /// <summary>On commit: replace a draft with the same number, issuer and year of issue.</summary>
    [FromForm(Name = "replaceDraft")]
    public bool ReplaceDraft { get; set; }

    /// <summary>
    /// The issuer's administrative unit as it was on the date of issue (its code, e.g. <c>34</c> for Tỉnh Thái Bình before
    /// 1 July 2025, <c>92</c> for Thành phố Cần Thơ), or <c>central</c> for a central body. Optional: needed only when the
    /// heading does not tell (the preview's warning says so), or to override it.
    /// </summary>
    [FromForm(Name = "jurisdiction")]
    public string? Jurisdiction { get; set; }
}

/// <summary>Plan imports: Word, text and Markdown plan documents read into draft plans (admins).</summary>
[Route("api/v{version:apiVersion}/plan-imports")]
[Tags("Plan imports")]
[Authorize(Policy = Policies.Admin)]
[Consumes("multipart/form-data")]
[AcceptsUploads]
public sealed class PlanImportsController(ISender sender, IOptions<RequestLimitsOptions> limits) : ApiControllerBase
{
    /// <summary>Preview an import</summary>
    /// <remarks>
    /// Reads the document (its task table in either common layout, due phrases, agencies by name and alias) and
    /// answers what it would create, with warnings that point at the line or table row, and the agency names that
    /// match no known agency. Writes nothing.
    ///
    /// Agency names are matched inside the issuer's jurisdiction as it was on the date of issue: the administrative
    /// unit the heading names ("ỦY BAN NHÂN DÂN / TỈNH THÁI BÌNH", "UBND HUYỆN …", else the place of the date line),
    /// then the units above and below it, then central bodies; an agency of another province only when the name
    /// says so ("UBND thành phố Hà Nội"). When the heading does not tell the unit (no locality, or a name several
    /// units share), <c>jurisdiction</c> is null and the first warning says which codes to send in the
    /// <c>jurisdiction</c> field.
    /// </remarks>
    /// <response code="200">The preview.</response>
    /// <response code="400">No file, or a <c>jurisdiction</c> that is not a unit code nor <c>central</c>.</response>
    /// <response code="422">The file is empty, not a plan document, has no task table or rows that cannot be read: the detail says where.
    /// Or <c>jurisdiction</c> names no administrative unit valid on the date of issue.</response>
    [HttpPost]
    [ProducesResponseType<PlanImportPreviewDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<PlanImportPreviewDto>> Preview([FromForm] PlanImportUpload upload, CancellationToken ct)
    {
        var (content, name) = await ReadAsync(upload, ct);
        return await sender.Send(new PreviewPlanImportQuery(content, name, upload.Jurisdiction), ct);
    }

    /// <summary>Import a plan as a draft</summary>
    /// <remarks>
    /// Creates the plan and its items as a draft (publish it with PUT /plans/{planId}); agency names that match no
    /// agency of the plan's jurisdiction become unverified agencies of that jurisdiction, with codes that carry it
    /// (<c>so-noi-vu-thai-binh</c>), and later imports of the same province match them instead of creating them again.
    /// A plan with the same number, issuer and year of issue is a 409, unless it is a draft and <c>replaceDraft</c> is true.
    /// </remarks>
    /// <response code="201">The draft plan; Location points at it.</response>
    /// <response code="400">No file, or a <c>jurisdiction</c> that is not a unit code nor <c>central</c>.</response>
    /// <response code="409">The plan already exists (and is not a draft to replace).</response>
    /// <response code="422">The file cannot be read as a plan: the detail says what and where. Or the issuer's jurisdiction
    /// cannot be read from the heading and no <c>jurisdiction</c> was sent (error on <c>jurisdiction</c>, saying which codes
    /// fit), or <c>jurisdiction</c> names no unit valid on the date of issue: nothing is written.</response>
    [HttpPost("commit")]
    [ProducesResponseType<PlanDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<PlanDto>> Commit([FromForm] PlanImportUpload upload, CancellationToken ct)
    {
        var (content, name) = await ReadAsync(upload, ct);
        var plan = await sender.Send(new CommitPlanImportCommand(content, name, upload.ReplaceDraft, upload.Jurisdiction), ct);
        return CreatedAtRoute("GetPlan", new { planId = plan.Id, version = "1" }, plan);
    }

    private async Task<(byte[] Content, string? Name)> ReadAsync(PlanImportUpload upload, CancellationToken ct)
    {
        if (upload.File is not { } file) throw new RequestValidationException("file", "Upload the plan document in the 'file' field.");
        if (file.Length == 0) throw new RequestValidationException("file", "The file is empty.");
        var max = limits.Value.MaxUploadBytes;
        if (file.Length > max)
            throw new BadHttpRequestException(ByteSizes.TooLarge("Plan documents", max, file.Length), StatusCodes.Status413PayloadTooLarge);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return (buffer.ToArray(), file.FileName);
    }
}
