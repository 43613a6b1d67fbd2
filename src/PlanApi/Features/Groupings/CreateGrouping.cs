using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Groupings;

/// <summary>Creates a cụm or khối for a year.</summary>
/// <param name="Code">Stable slug, e.g. "cum-5-thanh-pho-truc-thuoc-trung-uong-2023". Cannot be changed later.</param>
public sealed record CreateGroupingCommand(
    string Code, GroupingKind? Kind, string Name, int Year, string? Description, IReadOnlyList<string>? MemberCodes,
    string? HeadCode, string? DeputyCode)
    : GroupingFields(Kind, Name, Year, Description, MemberCodes, HeadCode, DeputyCode), ICommand<GroupingDto>, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(GroupingResource.TypeName, null, AuditActions.Create);
}

internal sealed class CreateGroupingValidator : AbstractValidator<CreateGroupingCommand>
{
    public CreateGroupingValidator()
    {
        Include(new GroupingFieldsValidator());
        RuleFor(g => g.Code).NotEmpty().Length(2, Limits.Code).Must(Text.IsCode).WithMessage(Text.CodeMessage);
    }
}

internal sealed class CreateGroupingHandler(PlanDbContext db, TimeProvider clock)
    : ICommandHandler<CreateGroupingCommand, GroupingDto>
{
    public async ValueTask<GroupingDto> Handle(CreateGroupingCommand command, CancellationToken ct)
    {
        if (await db.Groupings.AnyAsync(g => g.Code == command.Code, ct))
            throw new ConflictException($"Grouping '{command.Code}' already exists.");
        var now = clock.GetUtcNow();
        var grouping = new Grouping { Code = command.Code, Name = command.Name, CreatedAt = now };
        await GroupingWrites.ApplyAsync(db, grouping, command, now, ct);
        db.Groupings.Add(grouping);
        await db.SaveChangesAsync(ct);
        return (await GetGroupingHandler.FindAsync(db, grouping.Code, ct))!;
    }
}
