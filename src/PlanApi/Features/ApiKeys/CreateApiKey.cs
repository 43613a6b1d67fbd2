using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.ApiKeys;

/// <summary>Issues a key to a client system.</summary>
/// <param name="ClientName">Who the key is for, e.g. "Cổng TTĐT thành phố" or "Phần mềm QLVB quận Ninh Kiều".</param>
/// <param name="Role">admin, reporter or reader.</param>
/// <param name="AgencyCode">For reporters (required): the agency it reports for. Not allowed for other roles.</param>
public sealed record CreateApiKeyCommand(string ClientName, ClientRole Role, string? AgencyCode) : ICommand<IssuedApiKeyDto>, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(ApiKeyResource.TypeName, null, AuditActions.Create);
}

internal sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator()
    {
        RuleFor(c => c.ClientName).NotEmpty().MaximumLength(Limits.Name).Clean();
        RuleFor(c => c.Role).IsInEnum();
        RuleFor(c => c.AgencyCode).MaximumLength(Limits.Code).Clean();
        RuleFor(c => c.AgencyCode).NotEmpty().When(c => c.Role == ClientRole.Reporter).WithMessage("A reporter key reports for one agency: name it.");
        RuleFor(c => c.AgencyCode).Empty().When(c => c.Role != ClientRole.Reporter).WithMessage("Only reporter keys are bound to an agency.");
    }
}

internal sealed class CreateApiKeyHandler(PlanDbContext db, TimeProvider clock) : ICommandHandler<CreateApiKeyCommand, IssuedApiKeyDto>
{
    public async ValueTask<IssuedApiKeyDto> Handle(CreateApiKeyCommand command, CancellationToken ct)
    {
        Guid? agencyId = null;
        if (command.AgencyCode is { Length: > 0 } code)
        {
            var agency = await db.Agencies.Where(a => a.Code == code).Select(a => new { a.Id, a.ValidUntil }).SingleOrDefaultAsync(ct)
                ?? throw new UnprocessableException($"Agency '{code}' does not exist.", "agencyCode");
            // A key for an agency that has ended would be refused on its first use: say so now, naming who took over.
            if (agency.ValidUntil is { } ended && ended < PlanCalendar.Today(clock))
                throw new UnprocessableException(await AgencyLineage.EndedMessageAsync(db, agency.Id, ct), "agencyCode");
            agencyId = agency.Id;
        }
        var secret = ApiKey.NewKey();
        var key = new ApiKey
        {
            ClientName = command.ClientName.Trim(), Role = command.Role, AgencyId = agencyId,
            KeyHash = ApiKey.Hash(secret), KeyStart = secret[..10], CreatedAt = clock.GetUtcNow(),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new IssuedApiKeyDto(key.Id, key.ClientName, key.Role, command.AgencyCode, key.KeyStart, key.CreatedAt, secret);
    }
}
