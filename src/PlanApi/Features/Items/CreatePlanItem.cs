using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Items;

/// <summary>A new item for a plan.</summary>
/// <param name="Ordinal">The TT number, unique within the plan (1–10000).</param>
public sealed record CreatePlanItemBody(
    int Ordinal, int Quarter, string Content, string LeadAgencyCode, string? LeadRole,
    IReadOnlyList<string>? CoordinatingAgencyCodes, bool AndRelatedAgencies, string? ExecutingUnitsText,
    DuePeriodInput? Due, string? DueText, string? Label = null, ItemGroupInput? Group = null)
    : PlanItemFields(Quarter, Content, LeadAgencyCode, LeadRole, CoordinatingAgencyCodes, AndRelatedAgencies, ExecutingUnitsText, Due, DueText, Label, Group);

public sealed record CreatePlanItemCommand(Guid PlanId, CreatePlanItemBody Body) : ICommand<PlanItemDto>, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(PlanItemResource.TypeName, null, AuditActions.Create);
}

internal sealed class CreatePlanItemValidator : AbstractValidator<CreatePlanItemCommand>
{
    public CreatePlanItemValidator()
    {
        RuleFor(c => c.Body).NotNull().SetValidator(new PlanItemFieldsValidator());
        RuleFor(c => c.Body.Ordinal).InclusiveBetween(1, 10_000).OverridePropertyName("ordinal").When(c => c.Body is not null);
    }
}

internal sealed class CreatePlanItemHandler(PlanDbContext db, TimeProvider clock)
    : ICommandHandler<CreatePlanItemCommand, PlanItemDto>
{
    public async ValueTask<PlanItemDto> Handle(CreatePlanItemCommand command, CancellationToken ct)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == command.PlanId, ct)
            ?? throw new NotFoundException("Plan", command.PlanId.ToString());
        if (plan.Lifecycle == PlanLifecycle.Closed) throw new UnprocessableException("The plan is closed; its items cannot change.", "planId");
        if (await db.PlanItems.AnyAsync(i => i.PlanId == plan.Id && i.Ordinal == command.Body.Ordinal, ct))
            throw new ConflictException($"Item {command.Body.Ordinal} already exists in plan {plan.Number}.");
        var (lead, coordinators) = await PlanItemWrites.ResolveAgenciesAsync(db, command.Body, ct);
        var now = clock.GetUtcNow();
        var item = new PlanItem { PlanId = plan.Id, Ordinal = command.Body.Ordinal, Content = command.Body.Content, CreatedAt = now };
        PlanItemWrites.Apply(item, command.Body, plan.Year, lead, coordinators, now);
        db.PlanItems.Add(item);
        await db.SaveChangesAsync(ct);
        await PlanItemWrites.TouchPlanAsync(db, plan.Id, now, ct);
        return (await GetPlanItemHandler.FindAsync(db, clock, plan.Id, item.Ordinal, includeDrafts: true, ct))!;
    }
}
