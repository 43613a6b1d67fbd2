using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Domain;
using PlanApi.Features.Plans;

namespace PlanApi.Features.Import;

/// <summary>
/// Creates a draft plan from an uploaded document, creating unmatched agencies as unverified agencies of the plan's
/// jurisdiction. An existing plan with the same number, issuer and year of issue is a 409, unless it is a draft and
/// <paramref name="ReplaceDraft"/> is set. A plan whose jurisdiction cannot be read (and is not given in
/// <paramref name="Jurisdiction"/>) is refused: its agencies would otherwise land in no province, or in the wrong one.
/// </summary>
public sealed record CommitPlanImportCommand(byte[] Content, string? FileName, bool ReplaceDraft, string? Jurisdiction = null)
    : ICommand<PlanDto>, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(PlanResource.TypeName, null, AuditActions.Create);
}

internal sealed class CommitPlanImportHandler(PlanDbContext db, TimeProvider clock) : ICommandHandler<CommitPlanImportCommand, PlanDto>
{
    public async ValueTask<PlanDto> Handle(CommitPlanImportCommand command, CancellationToken ct)
    {
        var imported = await PlanImports.ReadAsync(db, command.Content, command.FileName, command.Jurisdiction, ct);
        if (imported.Jurisdiction.Problem is { } problem) throw new UnprocessableException(problem, "jurisdiction");
        var data = imported.Plan;
        var existing = await PlanImports.FindExistingAsync(db, data, ct);
        if (existing is not null)
        {
            if (existing.Lifecycle != PlanLifecycle.Draft || !command.ReplaceDraft)
                throw new ConflictException(existing.Lifecycle == PlanLifecycle.Draft
                    ? $"Plan {data.Number} of {data.IssuedOn.Year} already exists as a draft ({existing.Id}); commit with replaceDraft=true to replace it."
                    : $"Plan {data.Number} of {data.IssuedOn.Year} already exists and is {EnumNames<PlanLifecycle>.ToName(existing.Lifecycle)} ({existing.Id}).");
            await db.Plans.Where(p => p.Id == existing.Id).ExecuteDeleteAsync(ct);
        }

        var now = clock.GetUtcNow();
        // The codes were free when read; an import committed meanwhile that took one makes this a 409 (unique code).
        foreach (var provisional in imported.Provisional)
        {
            var written = provisional.WrittenName;
            var agency = new Agency
            {
                Code = provisional.Code, Name = provisional.Name, Kind = provisional.Kind, Verified = false,
                ShortName = written != provisional.Name && written.Any(char.IsLower) ? written : null,
                JurisdictionCode = provisional.JurisdictionCode, JurisdictionProvinceCode = provisional.JurisdictionProvinceCode,
                CollectiveScope = provisional.CollectiveScope, CreatedAt = now, UpdatedAt = now,
            };
            agency.RefreshSearchKey();
            db.Agencies.Add(agency);
        }
        await db.SaveChangesAsync(ct);

        var codes = data.Items.SelectMany(i => (i.CoordinatorCodes ?? []).Append(i.LeadCode))
            .Concat((data.Duties ?? []).SelectMany(d => d.AgencyCodes)).Append(data.IssuerCode).Distinct().ToList();
        var ids = await db.Agencies.Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        var plan = PlanData.Build(data with { Lifecycle = PlanLifecycle.Draft }, ids, now);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return (await GetPlanHandler.FindAsync(db, plan.Id, includeDrafts: true, ct))!;
    }
}
