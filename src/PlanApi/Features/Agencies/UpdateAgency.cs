using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Agencies;

/// <summary>Replaces an agency's writable fields; its code stays.</summary>
/// <param name="ExpectedETag">The ETag the client read (If-Match): required; another version is a 412.</param>
public sealed record UpdateAgencyCommand(string Code, AgencyFields Body, string? ExpectedETag = null) : ICommand<AgencyDto>, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(AgencyResource.TypeName, Code, AuditActions.Update);
}

internal sealed class UpdateAgencyValidator : AbstractValidator<UpdateAgencyCommand>
{
    public UpdateAgencyValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new AgencyFieldsValidator());
}

internal sealed class UpdateAgencyHandler(PlanDbContext db, WriteLog log, TimeProvider clock) : ICommandHandler<UpdateAgencyCommand, AgencyDto>
{
    public async ValueTask<AgencyDto> Handle(UpdateAgencyCommand command, CancellationToken ct)
    {
        var version = Preconditions.Check(command.ExpectedETag, log.Before<AgencyDto>() ?? throw new NotFoundException("Agency", command.Code));
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Code == command.Code, ct)
            ?? throw new NotFoundException("Agency", command.Code);
        db.ExpectVersion(agency, version);
        await AgencyWrites.CheckIdentifierFreeAsync(db, command.Body.IdentifierCode, command.Code, ct);
        var parentId = await AgencyWrites.ResolveParentAsync(db, command.Body.ParentCode, command.Code, ct);
        if (parentId is { } p && await IsDescendantAsync(p, agency.Id, ct))
            throw new UnprocessableException("The parent would make a cycle: it belongs to this agency.", "parentCode");
        var today = PlanCalendar.Today(clock);
        var province = await AgencyWrites.ResolveJurisdictionAsync(db, command.Body, today, ct);
        var successions = await AgencyWrites.ResolveSuccessorsAsync(db, command.Body, agency.Id, agency.Code, ct);
        if (successions.Count > 0 && await SucceedsAsync(agency.Id, successions.Select(s => s.SuccessorId).ToList(), ct))
            throw new UnprocessableException("A successor named is already among this agency's predecessors: that would make a cycle.", "successors");
        AgencyWrites.Apply(agency, command.Body, parentId, province, clock.GetUtcNow());
        // The successions are replaced as a whole, in the write's transaction.
        await db.AgencySuccessions.Where(s => s.PredecessorId == agency.Id).ExecuteDeleteAsync(ct);
        db.AgencySuccessions.AddRange(successions);
        await db.SaveChangesAsync(ct);
        return await AgencyReads.CompleteAsync(db,
            await db.Agencies.AsNoTracking().Where(a => a.Id == agency.Id).Select(AgencyDto.Projection).SingleAsync(ct), today, ct);
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

    /// <summary>Whether <paramref name="agencyId"/> is already among the successors' predecessors (so naming them would close a loop).</summary>
    private async Task<bool> SucceedsAsync(Guid agencyId, List<Guid> successorIds, CancellationToken ct) =>
        (await AgencyLineage.PredecessorsAsync(db, agencyId, ct)).Intersect(successorIds).Any();
}
