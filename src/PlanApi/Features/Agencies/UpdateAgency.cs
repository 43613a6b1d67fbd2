using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;

namespace PlanApi.Features.Agencies;

/// <summary>Replaces an agency's writable fields; its code stays.</summary>
public sealed record UpdateAgencyCommand(string Code, AgencyFields Body) : ICommand<AgencyDto>;

internal sealed class UpdateAgencyValidator : AbstractValidator<UpdateAgencyCommand>
{
    public UpdateAgencyValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new AgencyFieldsValidator());
}

internal sealed class UpdateAgencyHandler(PlanDbContext db, TimeProvider clock) : ICommandHandler<UpdateAgencyCommand, AgencyDto>
{
    public async ValueTask<AgencyDto> Handle(UpdateAgencyCommand command, CancellationToken ct)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Code == command.Code, ct)
            ?? throw new NotFoundException("Agency", command.Code);
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
