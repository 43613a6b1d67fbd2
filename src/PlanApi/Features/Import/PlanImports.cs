using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Documents;
using PlanApi.Domain;

namespace PlanApi.Features.Import;

/// <summary>Steps shared by preview and commit.</summary>
internal static class PlanImports
{
    /// <summary>
    /// Reads the document, its issuer's jurisdiction at the date of issue (or <paramref name="jurisdiction"/>, a unit
    /// code or "central", when given), and its agency names inside that jurisdiction.
    /// </summary>
    public static async Task<ImportedPlan> ReadAsync(PlanDbContext db, byte[] content, string? fileName, string? jurisdiction, CancellationToken ct)
    {
        if (jurisdiction is not null && !IssuerJurisdictions.IsWellFormed(jurisdiction))
            throw new RequestValidationException("jurisdiction",
                "Give the code of an administrative unit (digits, e.g. 34 for Tỉnh Thái Bình before 1 July 2025) or 'central'.");
        try
        {
            var document = PlanDocumentReader.Read(new MemoryStream(content, writable: false), fileName);
            var issuedOn = PlanImporter.IssuedOn(document.Header);
            var warnings = new List<ImportWarning>();
            var resolved = await IssuerJurisdictions.ResolveAsync(db, document.Header.Jurisdiction, issuedOn, jurisdiction, warnings, ct);
            if (resolved.Problem is { } problem) warnings.Insert(0, new ImportWarning(problem, "file"));
            var agencies = await ImportAgencies.ResolveAsync(db, document, resolved, issuedOn, ct);
            var (plan, planWarnings) = PlanImporter.Map(document, agencies.CodeOf);
            return new ImportedPlan(plan, resolved, agencies.Provisional, [.. warnings, .. agencies.Warnings, .. planWarnings],
                document.Format.ToString().ToLowerInvariant());
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
