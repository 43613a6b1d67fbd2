using PlanApi.Common;
using PlanApi.Domain;
using PlanApi.Features.Plans;

namespace PlanApi.Features.ApiKeys;

/// <summary>Contract examples of API keys: a reporter key of Ninh Kiều's document system.</summary>
internal sealed class ApiKeyExamples : IContractExamples
{
    private static readonly ApiKeyDto Key = new(
        Guid.Parse("0195f3b0-0000-7000-8000-00000000a11e"), "Phần mềm quản lý văn bản quận Ninh Kiều", ClientRole.Reporter, "ninh-kieu",
        "pk_Xq3vT9a", PlanExamples.Created, null);

    public IReadOnlyDictionary<Type, object> Examples => new Dictionary<Type, object>
    {
        [typeof(ApiKeyDto)] = Key,
        [typeof(Page<ApiKeyDto>)] = new Page<ApiKeyDto>([Key], 1, 20, 0),
        [typeof(CreateApiKeyCommand)] = new CreateApiKeyCommand(Key.ClientName, ClientRole.Reporter, "ninh-kieu"),
        [typeof(IssuedApiKeyDto)] = new IssuedApiKeyDto(Key.Id, Key.ClientName, Key.Role, Key.AgencyCode, Key.KeyStart, PlanExamples.Created,
            "pk_Xq3vT9aLk2mN8pQ4rS6tU1vW3xY5zA7bC9dE0fG2hJ4"),
    };
}
