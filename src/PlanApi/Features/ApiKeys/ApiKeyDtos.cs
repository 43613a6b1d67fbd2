using System.Linq.Expressions;
using PlanApi.Domain;

namespace PlanApi.Features.ApiKeys;

/// <summary>An API key as listed: never the key itself, only its first characters.</summary>
/// <param name="Id">The key's id (used to revoke it).</param>
/// <param name="ClientName">The client system the key was issued to.</param>
/// <param name="Role">admin, reporter or reader.</param>
/// <param name="AgencyCode">The agency a reporter key reports for.</param>
/// <param name="KeyStart">The first characters of the key.</param>
/// <param name="CreatedAt">When the key was issued.</param>
/// <param name="RevokedAt">When the key was revoked; null while it is valid.</param>
public sealed record ApiKeyDto(Guid Id, string ClientName, ClientRole Role, string? AgencyCode, string KeyStart, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static readonly Expression<Func<ApiKey, ApiKeyDto>> Projection = k =>
        new ApiKeyDto(k.Id, k.ClientName, k.Role, k.Agency != null ? k.Agency.Code : null, k.KeyStart, k.CreatedAt, k.RevokedAt);
}

/// <summary>A newly issued key. <c>key</c> is shown only in this answer: store it now.</summary>
/// <param name="Key">The secret to send in the X-Api-Key header.</param>
public sealed record IssuedApiKeyDto(Guid Id, string ClientName, ClientRole Role, string? AgencyCode, string KeyStart, DateTimeOffset CreatedAt, string Key)
    : Common.Writes.INotReplayable;
