using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Common.Writes;
using PlanApi.Data;

namespace PlanApi.Features.Groupings;

/// <summary>Replaces a grouping's fields, members and roles.</summary>
/// <param name="ExpectedETag">The ETag the client read (If-Match): required; another version is a 412.</param>
public sealed record UpdateGroupingCommand(string Code, GroupingFields Body, string? ExpectedETag = null) : ICommand<GroupingDto>, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(GroupingResource.TypeName, Code, AuditActions.Update);
}

internal sealed class UpdateGroupingValidator : AbstractValidator<UpdateGroupingCommand>
{
    public UpdateGroupingValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new GroupingFieldsValidator());
}

internal sealed class UpdateGroupingHandler(PlanDbContext db, TimeProvider clock, WriteLog log)
    : ICommandHandler<UpdateGroupingCommand, GroupingDto>
{
    public async ValueTask<GroupingDto> Handle(UpdateGroupingCommand command, CancellationToken ct)
    {
        var version = Preconditions.Check(command.ExpectedETag, log.Before<GroupingDto>() ?? throw new NotFoundException("Grouping", command.Code));
        var grouping = await db.Groupings.Include(g => g.Members).SingleOrDefaultAsync(g => g.Code == command.Code, ct)
            ?? throw new NotFoundException("Grouping", command.Code);
        db.ExpectVersion(grouping, version);
        await GroupingWrites.ApplyAsync(db, grouping, command.Body, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return (await GetGroupingHandler.FindAsync(db, grouping.Code, ct))!;
    }
}
