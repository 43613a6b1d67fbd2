using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Agencies;

/// <summary>Registers an agency.</summary>
/// <param name="Code">Stable slug: lowercase a–z, digits and hyphens (e.g. "so-gddt-can-tho"), unique nationwide: end it with the jurisdiction. Cannot be changed later.</param>
public sealed record CreateAgencyCommand(
    string Code, string Name, string? ShortName, IReadOnlyList<string>? Aliases, AgencyKind? Kind, string? ParentCode,
    string? JurisdictionCode = null, DateOnly? ValidFrom = null, DateOnly? ValidUntil = null, string? IdentifierCode = null,
    IReadOnlyList<string>? FormerNames = null, IReadOnlyList<AgencySuccessorInput>? Successors = null, CollectiveScope? CollectiveScope = null)
    : AgencyFields(Name, ShortName, Aliases, Kind, ParentCode, JurisdictionCode, ValidFrom, ValidUntil, IdentifierCode, FormerNames, Successors, CollectiveScope),
      ICommand<AgencyDto>, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(AgencyResource.TypeName, null, AuditActions.Create);
}

internal sealed class CreateAgencyValidator : AbstractValidator<CreateAgencyCommand>
{
    public CreateAgencyValidator()
    {
        Include(new AgencyFieldsValidator());
        RuleFor(a => a.Code).NotEmpty().Length(2, Limits.Code).Must(Text.IsCode).WithMessage(Text.CodeMessage);
    }
}

internal sealed class CreateAgencyHandler(PlanDbContext db, TimeProvider clock) : ICommandHandler<CreateAgencyCommand, AgencyDto>
{
    public async ValueTask<AgencyDto> Handle(CreateAgencyCommand command, CancellationToken ct)
    {
        if (await db.Agencies.AnyAsync(a => a.Code == command.Code, ct))
            throw new ConflictException($"Agency '{command.Code}' already exists.");
        await AgencyWrites.CheckIdentifierFreeAsync(db, command.IdentifierCode, command.Code, ct);
        var parentId = await AgencyWrites.ResolveParentAsync(db, command.ParentCode, command.Code, ct);
        var today = PlanCalendar.Today(clock);
        var province = await AgencyWrites.ResolveJurisdictionAsync(db, command, today, ct);
        var now = clock.GetUtcNow();
        var agency = new Agency { Code = command.Code, Name = command.Name, CreatedAt = now };
        AgencyWrites.Apply(agency, command, parentId, province, now);
        agency.Successors = await AgencyWrites.ResolveSuccessorsAsync(db, command, agency.Id, agency.Code, ct);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        return await AgencyReads.CompleteAsync(db,
            await db.Agencies.AsNoTracking().Where(a => a.Id == agency.Id).Select(AgencyDto.Projection).SingleAsync(ct), today, ct);
    }
}
