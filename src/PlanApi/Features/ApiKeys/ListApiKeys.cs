using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;

namespace PlanApi.Features.ApiKeys;

public sealed record ListApiKeysQuery(bool IncludeRevoked, int Limit, int Offset) : IQuery<Page<ApiKeyDto>>, IPagedQuery;

internal sealed class ListApiKeysValidator : AbstractValidator<ListApiKeysQuery>
{
    public ListApiKeysValidator() => Include(new PagedQueryValidator<ListApiKeysQuery>());
}

internal sealed class ListApiKeysHandler(PlanDbContext db) : IQueryHandler<ListApiKeysQuery, Page<ApiKeyDto>>
{
    public async ValueTask<Page<ApiKeyDto>> Handle(ListApiKeysQuery query, CancellationToken ct) =>
        await db.ApiKeys.AsNoTracking()
            .Where(k => query.IncludeRevoked || k.RevokedAt == null)
            .OrderBy(k => k.CreatedAt).ThenBy(k => k.Id)
            .Select(ApiKeyDto.Projection)
            .ToPageAsync(query, ct);
}
