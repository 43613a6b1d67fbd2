using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Plans;

/// <summary>Deletes a draft plan and its items. Published and closed plans are records and stay.</summary>
public sealed record DeletePlanCommand(Guid Id) : ICommand;

internal sealed class DeletePlanHandler(PlanDbContext db) : ICommandHandler<DeletePlanCommand>
{
    public async ValueTask<Unit> Handle(DeletePlanCommand command, CancellationToken ct)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == command.Id, ct)
            ?? throw new NotFoundException("Plan", command.Id.ToString());
        if (plan.Lifecycle != PlanLifecycle.Draft)
            throw new ConflictException($"Only draft plans can be deleted; this one is {EnumNames<PlanLifecycle>.ToName(plan.Lifecycle)}.");
        db.Plans.Remove(plan);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
