using System.Linq.Expressions;
using PlanApi.Domain;

namespace PlanApi.Features.Agencies;

/// <summary>An agency (cơ quan, đơn vị, địa phương).</summary>
/// <param name="Code">Stable slug used in URLs; unique nationwide.</param>
/// <param name="Name">Full official name.</param>
/// <param name="ShortName">The name documents usually use.</param>
/// <param name="Aliases">Other names under which documents refer to the agency.</param>
/// <param name="Kind">What kind of body it is.</param>
/// <param name="ParentCode">The agency it belongs to, if any (Ban TĐKT belongs to Sở Nội vụ).</param>
/// <param name="Verified">False when a plan import created it from an unmatched name: check it, then update it.</param>
/// <param name="JurisdictionCode">The administrative unit it serves ("92" Cần Thơ, "916" quận Ninh Kiều); null for central bodies.</param>
/// <param name="Jurisdiction">That unit as it is on the day the agency is read at: today while the agency exists, its last day once it has ended.</param>
/// <param name="ValidFrom">First day it exists; null when it existed before the store's records begin.</param>
/// <param name="ValidUntil">Last day it exists; null while it does.</param>
/// <param name="Active">Whether it exists today (Asia/Ho_Chi_Minh).</param>
/// <param name="IdentifierCode">National agency identifier (mã định danh, QCVN 102:2016/BTTTT as amended by Circular 01/2022/TT-BTTTT).</param>
/// <param name="CollectiveScope">Only on a collective assignee (kind collective, "UBND các xã, phường"): which agencies of its jurisdiction it names; each has the items that name the set on its to-do list, read at the plan's date.</param>
/// <param name="FormerNames">Names it had before a rename; search and the importer still find it by them.</param>
/// <param name="Successors">The agencies that took over its work when it ended: its open items are on their to-do lists.</param>
/// <param name="Predecessors">The agencies whose open work it took over.</param>
public sealed record AgencyDto(
    string Code,
    string Name,
    string? ShortName,
    IReadOnlyList<string> Aliases,
    AgencyKind Kind,
    string? ParentCode,
    bool Verified,
    string? JurisdictionCode,
    JurisdictionDto? Jurisdiction,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    bool Active,
    string? IdentifierCode,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    CollectiveScope? CollectiveScope,
    IReadOnlyList<string> FormerNames,
    IReadOnlyList<AgencySuccessionDto> Successors,
    IReadOnlyList<AgencySuccessionDto> Predecessors,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: System.Text.Json.Serialization.JsonIgnore] uint Version = 0) : PlanApi.Common.IVersionedResource
{
    /// <summary>Projects an agency; <see cref="AgencyReads.CompleteAsync(PlanApi.Data.PlanDbContext, AgencyDto, DateOnly, CancellationToken)"/> fills the jurisdiction and <see cref="Active"/>.</summary>
    public static readonly Expression<Func<Agency, AgencyDto>> Projection = a => new AgencyDto(
        a.Code, a.Name, a.ShortName, a.Aliases, a.Kind, a.Parent != null ? a.Parent.Code : null, a.Verified,
        a.JurisdictionCode, null, a.ValidFrom, a.ValidUntil, false, a.IdentifierCode, a.CollectiveScope, a.FormerNames,
        a.Successors.OrderBy(s => s.Successor!.Code)
            .Select(s => new AgencySuccessionDto(s.Successor!.Code, s.Successor.Name, s.Kind, s.EffectiveOn)).ToList(),
        a.Predecessors.OrderBy(s => s.Predecessor!.Code)
            .Select(s => new AgencySuccessionDto(s.Predecessor!.Code, s.Predecessor.Name, s.Kind, s.EffectiveOn)).ToList(),
        a.CreatedAt, a.UpdatedAt, a.Version);
}

/// <summary>The administrative unit an agency serves, as it is on the day the agency is read at.</summary>
/// <param name="Code">The unit's code: <c>GET /api/v1/administrative-units/{code}?asOf=</c> with a day in <paramref name="ValidFrom"/>–<paramref name="ValidUntil"/>.</param>
/// <param name="FullName">"Thành phố Cần Thơ", "Quận Ninh Kiều", "Phường Ninh Kiều".</param>
/// <param name="Level">province, district or commune.</param>
/// <param name="ValidFrom">First day of this version of the unit; null when before the lists the store holds.</param>
/// <param name="ValidUntil">Last day of this version; null while it is valid.</param>
public sealed record JurisdictionDto(string Code, string FullName, UnitLevel Level, DateOnly? ValidFrom, DateOnly? ValidUntil);

/// <summary>One side of a succession between agencies.</summary>
/// <param name="Code">The other agency's code.</param>
/// <param name="Name">Its full name.</param>
/// <param name="Kind">merged_into, split_among, renamed or continued.</param>
/// <param name="EffectiveOn">The successor's first day in charge (the day after the predecessor's last).</param>
public sealed record AgencySuccessionDto(string Code, string Name, SuccessionKind Kind, DateOnly EffectiveOn);

/// <summary>A reference to an agency inside another resource.</summary>
/// <param name="Code">The agency's code: <c>GET /api/v1/agencies/{code}</c>.</param>
/// <param name="Name">Full name.</param>
/// <param name="ShortName">Usual short name.</param>
public sealed record AgencyRefDto(string Code, string Name, string? ShortName);
