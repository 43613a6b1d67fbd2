using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Common.WriteLog;
using PlanApi.Data;

namespace PlanApi.Features.Agencies;

/// <summary>Replaces an agency's writable fields; its code stays.</summary>
/// <param name="ExpectedETag">The ETag the client read (If-Match): required; another version is a 412.</param>
public sealed record UpdateAgencyCommand(string Code, AgencyFields Body, string? ExpectedETag = null) : ICommand<AgencyDto>, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(ResourceTypes.Agency, Code, AuditActions.Update);
}

internal sealed class UpdateAgencyValidator : AbstractValidator<UpdateAgencyCommand>
{
    public UpdateAgencyValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new AgencyFieldsValidator());
}

internal sealed class UpdateAgencyHandler(PlanDbContext db, ISender sender, TimeProvider clock) : ICommandHandler<UpdateAgencyCommand, AgencyDto>
{
    public async ValueTask<AgencyDto> Handle(UpdateAgencyCommand command, CancellationToken ct)
    {
        var version = Preconditions.Check(command.ExpectedETag, await sender.Send(new GetAgencyQuery(command.Code), ct));
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Code == command.Code, ct)
            ?? throw new NotFoundException("Agency", command.Code);
        db.ExpectVersion(agency, version);
        var parentId = await AgencyWrites.ResolveParentAsync(db, command.Body.ParentCode, command.Code, ct);
        if (parentId is { } p && await IsDescendantAsync(p, agency.Id, ct))
            throw new UnprocessableException("The parent would make a cycle: it belongs to this agency.", "parentCode");
        AgencyWrites.Apply(agency, command.Body, parentId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await db.Agencies.AsNoTracking().Where(a => a.Id == agency.Id).Select(AgencyDto.Projection).SingleAsync(ct);
    }

    private async Task<bool> IsDescendantAsync(Guid candidate, Guid ancestor, CancellationToken ct)
    {
        Guid? current = candidate;
        for (var depth = 0; current is { } id && depth < 32; depth++)
        {
            if (id == ancestor) return true;
            current = await db.Agencies.Where(a => a.Id == id).Select(a => a.ParentId).SingleOrDefaultAsync(ct);
        }
        return false;
    }
}
