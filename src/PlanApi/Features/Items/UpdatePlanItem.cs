using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Items;

/// <summary>Replaces an item's writable fields. Its ordinal and its report-derived status stay.</summary>
/// <param name="ExpectedETag">The ETag the client read (If-Match): required; another version is a 412.</param>
public sealed record UpdatePlanItemCommand(Guid PlanId, int Ordinal, PlanItemFields Body, string? ExpectedETag = null)
    : ICommand<PlanItemDto>, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(PlanItemResource.TypeName, PlanItemResource.KeyFor(PlanId, Ordinal), AuditActions.Update);
}

internal sealed class UpdatePlanItemValidator : AbstractValidator<UpdatePlanItemCommand>
{
    public UpdatePlanItemValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new PlanItemFieldsValidator());
}

internal sealed class UpdatePlanItemHandler(PlanDbContext db, TimeProvider clock, WriteLog log)
    : ICommandHandler<UpdatePlanItemCommand, PlanItemDto>
{
    public async ValueTask<PlanItemDto> Handle(UpdatePlanItemCommand command, CancellationToken ct)
    {
        var version = Preconditions.Check(command.ExpectedETag, log.Before<PlanItemDto>() ?? throw await PlanItemErrors.NotFoundAsync(db, command.PlanId, command.Ordinal, ct));
        var item = await db.PlanItems.Include(i => i.Plan).Include(i => i.Coordinators)
            .SingleOrDefaultAsync(i => i.PlanId == command.PlanId && i.Ordinal == command.Ordinal, ct)
            ?? throw await PlanItemErrors.NotFoundAsync(db, command.PlanId, command.Ordinal, ct);
        db.ExpectVersion(item, version);
        if (item.Plan!.Lifecycle == PlanLifecycle.Closed) throw new UnprocessableException("The plan is closed; its items cannot change.", "planId");
        var (lead, coordinators) = await PlanItemWrites.ResolveAgenciesAsync(db, command.Body, ct);
        var now = clock.GetUtcNow();
        var reports = command.Body.Due?.Kind == DueKind.Recurring ? await PlanItemWrites.ReportSpansAsync(db, item.Id, ct) : null;
        PlanItemWrites.Apply(item, command.Body, item.Plan.Year, lead, coordinators, now, reports);
        await db.SaveChangesAsync(ct);
        return (await GetPlanItemHandler.FindAsync(db, clock, command.PlanId, command.Ordinal, includeDrafts: true, ct))!;
    }
}

internal static class PlanItemErrors
{
    /// <summary>Says whether the plan or the item is missing.</summary>
    public static async Task<NotFoundException> NotFoundAsync(PlanDbContext db, Guid planId, int ordinal, CancellationToken ct) =>
        await db.Plans.AnyAsync(p => p.Id == planId, ct)
            ? new NotFoundException("Item", $"{ordinal}")
            : new NotFoundException("Plan", planId.ToString());
}
