using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Common.Writes;
using PlanApi.Data;

namespace PlanApi.Features.ApiKeys;

/// <summary>Revokes a key at once; revoking twice is harmless.</summary>
public sealed record RevokeApiKeyCommand(Guid Id) : ICommand, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(ApiKeyResource.TypeName, Id.ToString(), AuditActions.Update);
}

internal sealed class RevokeApiKeyHandler(PlanDbContext db, TimeProvider clock) : ICommandHandler<RevokeApiKeyCommand>
{
    public async ValueTask<Unit> Handle(RevokeApiKeyCommand command, CancellationToken ct)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == command.Id, ct)
            ?? throw new NotFoundException("API key", command.Id.ToString());
        key.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
