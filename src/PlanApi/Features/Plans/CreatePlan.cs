using FluentValidation;
using Mediator;
using PlanApi.Common;
using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Plans;

public sealed record CreatePlanCommand(PlanFields Body) : ICommand<PlanDto>, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(PlanResource.TypeName, null, AuditActions.Create);
}

internal sealed class CreatePlanValidator : AbstractValidator<CreatePlanCommand>
{
    public CreatePlanValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new PlanFieldsValidator());
}

internal sealed class CreatePlanHandler(PlanDbContext db, TimeProvider clock) : ICommandHandler<CreatePlanCommand, PlanDto>
{
    public async ValueTask<PlanDto> Handle(CreatePlanCommand command, CancellationToken ct)
    {
        var fields = command.Body;
        var issuerId = await PlanWrites.ResolveIssuerAsync(db, fields, ct);
        var lifecycle = fields.Lifecycle ?? PlanLifecycle.Draft;
        if (lifecycle == PlanLifecycle.Closed)
            throw new UnprocessableException("A new plan is a draft or published, not closed.", "lifecycle");
        await PlanWrites.EnsureUniqueNumberAsync(db, issuerId, PlanWrites.NormalizeNumber(fields.Number), fields.IssuedOn.Year, null, ct);
        var now = clock.GetUtcNow();
        var plan = new Plan { Number = fields.Number, Title = fields.Title, CreatedAt = now, Lifecycle = lifecycle };
        PlanWrites.Apply(plan, fields, issuerId, now);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return (await GetPlanHandler.FindAsync(db, plan.Id, includeDrafts: true, ct))!;
    }
}
