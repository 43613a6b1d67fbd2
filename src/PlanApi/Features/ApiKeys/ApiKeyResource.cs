using Microsoft.EntityFrameworkCore;
using PlanApi.Common.Writes;
using PlanApi.Data;

namespace PlanApi.Features.ApiKeys;

/// <summary>API keys in the audit trail only (the feed does not publish them); an issued key's secret never reaches it.</summary>
internal sealed class ApiKeyResource : WritableResource<ApiKeyDto>
{
    public const string TypeName = StoreChanges.ApiKeyType;

    public override string Type => TypeName;

    public override IReadOnlyList<Type> Representations => [typeof(ApiKeyDto), typeof(IssuedApiKeyDto)];

    public override bool InChangeFeed => false;

    public override string Link(string key) => "/api/v1/api-keys";

    public override string? KeyOf(object representation) =>
        representation is IssuedApiKeyDto issued ? issued.Id.ToString() : base.KeyOf(representation);

    public override object ForAudit(object representation) =>
        representation is IssuedApiKeyDto issued ? issued with { Key = "(shown once to its holder)" } : representation;

    protected override string KeyOf(ApiKeyDto key) => key.Id.ToString();

    protected override async Task<ApiKeyDto?> ReadAsync(PlanDbContext db, TimeProvider clock, string key, CancellationToken ct) =>
        Guid.TryParse(key, out var id)
            ? await db.ApiKeys.AsNoTracking().Where(k => k.Id == id).Select(ApiKeyDto.Projection).SingleOrDefaultAsync(ct)
            : null;
}
