using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Items;

/// <summary>Deletes an item that has no progress reports; reported work is never thrown away.</summary>
/// <param name="ExpectedETag">The ETag the client read (If-Match): required; another version is a 412.</param>
public sealed record DeletePlanItemCommand(Guid PlanId, int Ordinal, string? ExpectedETag = null) : ICommand, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(PlanItemResource.TypeName, PlanItemResource.KeyFor(PlanId, Ordinal), AuditActions.Delete);
}

internal sealed class DeletePlanItemHandler(PlanDbContext db, WriteLog log, TimeProvider clock) : ICommandHandler<DeletePlanItemCommand>
{
    public async ValueTask<Unit> Handle(DeletePlanItemCommand command, CancellationToken ct)
    {
        var version = Preconditions.Check(command.ExpectedETag, log.Before<PlanItemDto>() ?? throw await PlanItemErrors.NotFoundAsync(db, command.PlanId, command.Ordinal, ct));
        var item = await db.PlanItems.Include(i => i.Plan)
            .SingleOrDefaultAsync(i => i.PlanId == command.PlanId && i.Ordinal == command.Ordinal, ct)
            ?? throw await PlanItemErrors.NotFoundAsync(db, command.PlanId, command.Ordinal, ct);
        db.ExpectVersion(item, version);
        if (item.Plan!.Lifecycle == PlanLifecycle.Closed) throw new UnprocessableException("The plan is closed; its items cannot change.", "planId");
        if (await db.ProgressReports.AnyAsync(r => r.PlanItemId == item.Id, ct))
            throw new UnprocessableException($"Item {item.Ordinal} has progress reports and cannot be deleted.", "ordinal");
        db.PlanItems.Remove(item);
        await db.SaveChangesAsync(ct);
        await PlanItemWrites.TouchPlanAsync(db, item.PlanId, clock.GetUtcNow(), ct);
        return Unit.Value;
    }
}
