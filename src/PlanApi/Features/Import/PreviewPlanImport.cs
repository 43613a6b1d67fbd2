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
/// <param name="Jurisdiction">Where agency names were matched: the issuer's administrative unit on the date of issue, or the
/// centre; null when it cannot be read (a warning says how to give it, and a commit is refused).</param>
/// <param name="Plan">The plan's fields, agencies as codes (provisional codes for unresolved names).</param>
/// <param name="Items">The items, agencies as codes.</param>
/// <param name="Warnings">What a person should check, with where it is in the document.</param>
/// <param name="UnresolvedAgencies">Names that match no known agency: committing creates them as unverified agencies.</param>
/// <param name="ExistingPlanId">A plan with this number, issuer and year of issue that already exists.</param>
/// <param name="ExistingIsDraft">Whether that plan is a draft (a commit with replaceDraft=true replaces it).</param>
public sealed record PlanImportPreviewDto(
    string Format, PlanImportJurisdictionDto? Jurisdiction, PlanFields Plan, IReadOnlyList<CreatePlanItemBody> Items, IReadOnlyList<ImportWarning> Warnings,
    IReadOnlyList<UnresolvedAgency> UnresolvedAgencies, Guid? ExistingPlanId, bool ExistingIsDraft);

/// <summary>The jurisdiction of an import: an administrative unit as it was on the plan's date of issue, or the centre.</summary>
/// <param name="Code">The unit's code ("34"); null for the centre.</param>
/// <param name="FullName">"Tỉnh Thái Bình"; "Trung ương" for the centre.</param>
/// <param name="Level">province, district, commune, or central.</param>
/// <param name="ProvinceCode">The province the unit lies in (itself for a province).</param>
/// <param name="ValidFrom">First day of this version of the unit; null when it predates the lists.</param>
/// <param name="ValidUntil">Last day of this version of the unit; null while it is valid.</param>
/// <param name="Origin">What it was read from: the heading, the place of the date line, or the jurisdiction field of the request.</param>
public sealed record PlanImportJurisdictionDto(
    string? Code, string FullName, JurisdictionLevel Level, string? ProvinceCode, DateOnly? ValidFrom, DateOnly? ValidUntil, JurisdictionOrigin Origin)
{
    internal static PlanImportJurisdictionDto? From(ImportJurisdiction j) =>
        j.Central ? new(null, "Trung ương", JurisdictionLevel.Central, null, null, null, j.Origin)
        : j.Unit is { } u ? new(u.Code, u.FullName, u.Level switch
        {
            UnitLevel.Province => JurisdictionLevel.Province,
            UnitLevel.District => JurisdictionLevel.District,
            _ => JurisdictionLevel.Commune,
        }, u.ProvinceCode, u.ValidFrom, u.ValidUntil, j.Origin)
        : null;
}

/// <summary>The tier of a jurisdiction: the centre, or an administrative unit's level.</summary>
public enum JurisdictionLevel
{
    Central,
    Province,
    District,
    Commune,
}

/// <summary>Reads an uploaded plan document and shows what it would become.</summary>
/// <param name="Jurisdiction">A unit code, or "central", that overrides the jurisdiction the heading gives.</param>
public sealed record PreviewPlanImportQuery(byte[] Content, string? FileName, string? Jurisdiction = null) : IQuery<PlanImportPreviewDto>;

internal sealed class PreviewPlanImportHandler(PlanDbContext db) : IQueryHandler<PreviewPlanImportQuery, PlanImportPreviewDto>
{
    public async ValueTask<PlanImportPreviewDto> Handle(PreviewPlanImportQuery query, CancellationToken ct)
    {
        var imported = await PlanImports.ReadAsync(db, query.Content, query.FileName, query.Jurisdiction, ct);
        var plan = imported.Plan;
        var existing = await PlanImports.FindExistingAsync(db, plan, ct);
        return new PlanImportPreviewDto(
            imported.Format, PlanImportJurisdictionDto.From(imported.Jurisdiction),
            new PlanFields(plan.IssuerCode, plan.Number, plan.DocumentType, plan.Place, plan.IssuedOn, plan.Year, plan.Title, plan.Preamble,
                plan.LegalBases, plan.Purposes, plan.Requirements, plan.Duties, plan.Recipients, plan.Signature, plan.Lifecycle),
            plan.Items.Select(i => new CreatePlanItemBody(i.Ordinal, i.Quarter, i.Content, i.LeadCode, i.LeadRole, i.CoordinatorCodes,
                i.AndRelatedAgencies, i.ExecutingUnitsText, i.Due is { } d ? new DuePeriodInput(d.Year, d.Month, d.Part, d.Kind, d.Date, d.Start, d.End,
                    d.Recurrence is { } r ? new DueRecurrenceInput(r.Frequency, r.Month, r.Day) : null) : null, i.DueText)).ToList(),
            imported.Warnings, imported.UnresolvedAgencies, existing?.Id, existing?.Lifecycle == PlanLifecycle.Draft);
    }
}
