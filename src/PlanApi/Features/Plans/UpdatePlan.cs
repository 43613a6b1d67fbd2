using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Domain;
using PlanApi.Features.Items;

namespace PlanApi.Features.Plans;

/// <summary>Replaces a plan's metadata and moves its lifecycle (draft → published → closed).</summary>
/// <param name="ExpectedETag">The ETag the client read (If-Match): required; another version is a 412.</param>
public sealed record UpdatePlanCommand(Guid Id, PlanFields Body, string? ExpectedETag = null) : ICommand<PlanDto>, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(PlanResource.TypeName, Id.ToString(), AuditActions.Update);
}

internal sealed class UpdatePlanValidator : AbstractValidator<UpdatePlanCommand>
{
    public UpdatePlanValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new PlanFieldsValidator());
}

internal sealed class UpdatePlanHandler(PlanDbContext db, TimeProvider clock, WriteLog log) : ICommandHandler<UpdatePlanCommand, PlanDto>
{
    public async ValueTask<PlanDto> Handle(UpdatePlanCommand command, CancellationToken ct)
    {
        var version = Preconditions.Check(command.ExpectedETag, log.Before<PlanDto>() ?? throw new NotFoundException("Plan", command.Id.ToString()));
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == command.Id, ct)
            ?? throw new NotFoundException("Plan", command.Id.ToString());
        db.ExpectVersion(plan, version);
        var fields = command.Body;
        var target = fields.Lifecycle ?? plan.Lifecycle;
        if (!PlanLifecycleRules.CanMove(plan.Lifecycle, target))
            throw new UnprocessableException(
                $"A {EnumNames<PlanLifecycle>.ToName(plan.Lifecycle)} plan cannot become {EnumNames<PlanLifecycle>.ToName(target)}.",
                "lifecycle");
        var issuerId = await PlanWrites.ResolveIssuerAsync(db, fields, ct);
        await PlanWrites.EnsureUniqueNumberAsync(db, issuerId, PlanWrites.NormalizeNumber(fields.Number), fields.IssuedOn.Year, plan.Id, ct);
        var yearChanged = plan.Year != fields.Year;
        var now = clock.GetUtcNow();
        PlanWrites.Apply(plan, fields, issuerId, now);
        if (plan.Lifecycle != target)
        {
            // Before the plan's row is locked: waits for item writes of this plan in progress to commit, so that the
            // agencies' to-do list index sees each item's plan as it now is (see AgencyItemsIndexWriters).
            await db.Database.ExecuteSqlAsync($"SELECT plan_item_agencies_lock({plan.Id})", ct);
        }
        plan.Lifecycle = target;
        if (yearChanged)
        {
            // Items without a due phrase are due at the end of their quarter of the plan's year; ongoing and recurring
            // items' windows are the plan's year (a recurring item's occurrences checked again against its reports).
            var items = await db.PlanItems.Where(i => i.PlanId == plan.Id
                && (i.DueKind == null || i.DueKind == DueKind.Ongoing || i.DueKind == DueKind.Recurring)).ToListAsync(ct);
            foreach (var item in items)
            {
                var reports = item.DueKind == DueKind.Recurring ? await PlanItemWrites.ReportSpansAsync(db, item.Id, ct) : null;
                item.Schedule(plan.Year, item.Quarter, item.Due, item.DueText, reports);
            }
        }
        await db.SaveChangesAsync(ct);
        return (await GetPlanHandler.FindAsync(db, plan.Id, includeDrafts: true, ct))!;
    }
}
