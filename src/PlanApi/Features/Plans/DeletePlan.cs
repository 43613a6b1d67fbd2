using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Plans;

/// <summary>Deletes a draft plan and its items. Published and closed plans are records and stay.</summary>
/// <param name="ExpectedETag">The ETag the client read (If-Match): required; another version is a 412.</param>
public sealed record DeletePlanCommand(Guid Id, string? ExpectedETag = null) : ICommand, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(PlanResource.TypeName, Id.ToString(), AuditActions.Delete);
}

internal sealed class DeletePlanHandler(PlanDbContext db, WriteLog log) : ICommandHandler<DeletePlanCommand>
{
    public async ValueTask<Unit> Handle(DeletePlanCommand command, CancellationToken ct)
    {
        var version = Preconditions.Check(command.ExpectedETag, log.Before<PlanDto>() ?? throw new NotFoundException("Plan", command.Id.ToString()));
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == command.Id, ct)
            ?? throw new NotFoundException("Plan", command.Id.ToString());
        db.ExpectVersion(plan, version);
        if (plan.Lifecycle != PlanLifecycle.Draft)
            throw new UnprocessableException($"Only draft plans can be deleted; this one is {EnumNames<PlanLifecycle>.ToName(plan.Lifecycle)}.", "lifecycle");
        db.Plans.Remove(plan);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
