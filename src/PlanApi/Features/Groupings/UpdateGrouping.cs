using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;

namespace PlanApi.Features.Groupings;

/// <summary>Replaces a grouping's fields, members and roles.</summary>
public sealed record UpdateGroupingCommand(string Code, GroupingFields Body) : ICommand<GroupingDto>;

internal sealed class UpdateGroupingValidator : AbstractValidator<UpdateGroupingCommand>
{
    public UpdateGroupingValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new GroupingFieldsValidator());
}

internal sealed class UpdateGroupingHandler(PlanDbContext db, TimeProvider clock, ISender sender)
    : ICommandHandler<UpdateGroupingCommand, GroupingDto>
{
    public async ValueTask<GroupingDto> Handle(UpdateGroupingCommand command, CancellationToken ct)
    {
        var grouping = await db.Groupings.Include(g => g.Members).SingleOrDefaultAsync(g => g.Code == command.Code, ct)
            ?? throw new NotFoundException("Grouping", command.Code);
        await GroupingWrites.ApplyAsync(db, grouping, command.Body, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return await sender.Send(new GetGroupingQuery(grouping.Code), ct);
    }
}
