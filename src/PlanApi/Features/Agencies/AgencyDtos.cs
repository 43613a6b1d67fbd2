using System.Linq.Expressions;
using PlanApi.Domain;

namespace PlanApi.Features.Agencies;

/// <summary>An agency (cơ quan, đơn vị, địa phương).</summary>
/// <param name="Code">Stable slug used in URLs.</param>
/// <param name="Name">Full official name.</param>
/// <param name="ShortName">The name documents usually use.</param>
/// <param name="Aliases">Other names under which documents refer to the agency.</param>
/// <param name="Kind">What kind of body it is.</param>
/// <param name="ParentCode">The agency it belongs to, if any (Ban TĐKT belongs to Sở Nội vụ).</param>
/// <param name="Verified">False when a plan import created it from an unmatched name: check it, then update it.</param>
public sealed record AgencyDto(
    string Code,
    string Name,
    string? ShortName,
    IReadOnlyList<string> Aliases,
    AgencyKind Kind,
    string? ParentCode,
    bool Verified,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: System.Text.Json.Serialization.JsonIgnore] uint Version = 0) : PlanApi.Common.IVersionedResource
{
    public static readonly Expression<Func<Agency, AgencyDto>> Projection = a => new AgencyDto(
        a.Code, a.Name, a.ShortName, a.Aliases, a.Kind, a.Parent != null ? a.Parent.Code : null, a.Verified, a.CreatedAt, a.UpdatedAt, a.Version);
}

/// <summary>A reference to an agency inside another resource.</summary>
/// <param name="Code">The agency's code: <c>GET /api/v1/agencies/{code}</c>.</param>
/// <param name="Name">Full name.</param>
/// <param name="ShortName">Usual short name.</param>
public sealed record AgencyRefDto(string Code, string Name, string? ShortName);
