using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Items;

/// <summary>Deletes an item that has no progress reports; reported work is never thrown away.</summary>
public sealed record DeletePlanItemCommand(Guid PlanId, int Ordinal) : ICommand;

internal sealed class DeletePlanItemHandler(PlanDbContext db, TimeProvider clock) : ICommandHandler<DeletePlanItemCommand>
{
    public async ValueTask<Unit> Handle(DeletePlanItemCommand command, CancellationToken ct)
    {
        var item = await db.PlanItems.Include(i => i.Plan)
            .SingleOrDefaultAsync(i => i.PlanId == command.PlanId && i.Ordinal == command.Ordinal, ct)
            ?? throw await PlanItemErrors.NotFoundAsync(db, command.PlanId, command.Ordinal, ct);
        if (item.Plan!.Lifecycle == PlanLifecycle.Closed) throw new ConflictException("The plan is closed; its items cannot change.");
        if (await db.ProgressReports.AnyAsync(r => r.PlanItemId == item.Id, ct))
            throw new ConflictException($"Item {item.Ordinal} has progress reports and cannot be deleted.");
        db.PlanItems.Remove(item);
        item.Plan.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
