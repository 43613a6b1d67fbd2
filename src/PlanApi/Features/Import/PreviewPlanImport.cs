using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Documents;
using PlanApi.Domain;
using PlanApi.Features.Items;
using PlanApi.Features.Plans;

namespace PlanApi.Features.Import;

/// <summary>What an import would create. Nothing is written until the same file is committed.</summary>
/// <param name="Format">text, markdown or docx.</param>
/// <param name="Plan">The plan's fields, agencies as codes (provisional codes for unresolved names).</param>
/// <param name="Items">The items, agencies as codes.</param>
/// <param name="Warnings">What a person should check, with where it is in the document.</param>
/// <param name="UnresolvedAgencies">Names that match no known agency: committing creates them as unverified agencies.</param>
/// <param name="ExistingPlanId">A plan with this number, issuer and year of issue that already exists.</param>
/// <param name="ExistingIsDraft">Whether that plan is a draft (a commit with replaceDraft=true replaces it).</param>
public sealed record PlanImportPreviewDto(
    string Format, PlanFields Plan, IReadOnlyList<CreatePlanItemBody> Items, IReadOnlyList<ImportWarning> Warnings,
    IReadOnlyList<UnresolvedAgency> UnresolvedAgencies, Guid? ExistingPlanId, bool ExistingIsDraft);

/// <summary>Reads an uploaded plan document and shows what it would become.</summary>
public sealed record PreviewPlanImportQuery(byte[] Content, string? FileName) : IQuery<PlanImportPreviewDto>;

internal sealed class PreviewPlanImportHandler(PlanDbContext db) : IQueryHandler<PreviewPlanImportQuery, PlanImportPreviewDto>
{
    public async ValueTask<PlanImportPreviewDto> Handle(PreviewPlanImportQuery query, CancellationToken ct)
    {
        var imported = await PlanImports.ReadAsync(db, query.Content, query.FileName, ct);
        var plan = imported.Plan;
        var existing = await PlanImports.FindExistingAsync(db, plan, ct);
        return new PlanImportPreviewDto(
            imported.Format,
            new PlanFields(plan.IssuerCode, plan.Number, plan.DocumentType, plan.Place, plan.IssuedOn, plan.Year, plan.Title, plan.Preamble,
                plan.LegalBases, plan.Purposes, plan.Requirements, plan.Duties, plan.Recipients, plan.Signature, plan.Lifecycle),
            plan.Items.Select(i => new CreatePlanItemBody(i.Ordinal, i.Quarter, i.Content, i.LeadCode, i.LeadRole, i.CoordinatorCodes,
                i.AndRelatedAgencies, i.ExecutingUnitsText, i.Due is { } d ? new DuePeriodInput(d.Year, d.Month, d.Part) : null, i.DueText)).ToList(),
            imported.Warnings, imported.UnresolvedAgencies, existing?.Id, existing?.Lifecycle == PlanLifecycle.Draft);
    }
}

/// <summary>Steps shared by preview and commit.</summary>
internal static class PlanImports
{
    public static async Task<ImportedPlan> ReadAsync(PlanDbContext db, byte[] content, string? fileName, CancellationToken ct)
    {
        PlanDocument document;
        try
        {
            document = PlanDocumentReader.Read(new MemoryStream(content, writable: false), fileName);
        }
        catch (PlanDocumentException e)
        {
            throw new UnprocessableException($"{e.Reason} (at {e.Location}).", "file");
        }
        var agencies = await db.Agencies.AsNoTracking()
            .Select(a => new AgencyEntry(a.Code, a.Name, a.ShortName, a.Aliases))
            .ToListAsync(ct);
        try
        {
            return PlanImporter.Map(document, new AgencyMatcher(agencies));
        }
        catch (PlanDocumentException e)
        {
            throw new UnprocessableException($"{e.Reason} (at {e.Location}).", "file");
        }
    }

    public static async Task<Plan?> FindExistingAsync(PlanDbContext db, SeedPlan plan, CancellationToken ct) =>
        await db.Plans.AsNoTracking()
            .Where(p => p.Issuer!.Code == plan.IssuerCode && p.Number == plan.Number && p.IssuedYear == plan.IssuedOn.Year)
            .SingleOrDefaultAsync(ct);
}
