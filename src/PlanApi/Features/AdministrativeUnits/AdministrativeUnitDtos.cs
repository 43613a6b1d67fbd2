using System.Linq.Expressions;
using PlanApi.Domain;

namespace PlanApi.Features.AdministrativeUnits;

/// <summary>
/// One version of an administrative unit (tỉnh/thành phố, quận/huyện, xã/phường/đặc khu): a code valid for a period,
/// with its parent, its children and where its area came from and went. A code names a different area before and
/// after a reorganisation (31261 was "Thị trấn Cờ Đỏ" until 2025-06-30, "Xã Cờ Đỏ" since): always read a code with a date.
/// </summary>
/// <param name="Code">The national code (2 digits for a province, 3 for a district, 5 for a commune). Unique only together with a date.</param>
/// <param name="Level">The tier: province, district (until 2025-06-30 only) or commune.</param>
/// <param name="Name">The name without its type ("Ninh Kiều").</param>
/// <param name="FullName">The name with its type, as the national list writes it ("Phường Ninh Kiều").</param>
/// <param name="Type">The type as the list writes it: Tỉnh, Thành phố, Quận, Huyện, Thị xã, Xã, Phường, Thị trấn, Đặc khu.</param>
/// <param name="ProvinceCode">The province the unit lies in, in the same version of the list (its own code for a province).</param>
/// <param name="Parent">The unit directly above, in the same version of the list; null for a province. Since 2025-07-01 a commune's parent is its province.</param>
/// <param name="ValidFrom">First day of this version; null when it was already valid before the lists the API holds begin.</param>
/// <param name="ValidUntil">Last day of this version; null while it is valid. A date before the requested one means the unit had ended by then: see <c>successors</c>.</param>
/// <param name="Children">The units whose parent is this version, by code: a province's districts until 2025-06-30, its communes since 2025-07-01; a district's communes.</param>
/// <param name="Successors">The versions this unit's area passed to when this version ended, by code; empty while it is valid.</param>
/// <param name="Predecessors">The versions whose area passed to this one when it began, by code.</param>
public sealed record AdministrativeUnitDto(
    string Code,
    UnitLevel Level,
    string Name,
    string FullName,
    string Type,
    string ProvinceCode,
    AdministrativeUnitRefDto? Parent,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    IReadOnlyList<AdministrativeUnitRefDto> Children,
    IReadOnlyList<AdministrativeUnitSuccessionDto> Successors,
    IReadOnlyList<AdministrativeUnitSuccessionDto> Predecessors);

/// <summary>An administrative unit version in a list: the unit without its children and successions.</summary>
/// <param name="Code">The national code; unique only together with a date (<c>GET /api/v1/administrative-units/{code}?asOf=</c>).</param>
/// <param name="Level">The tier: province, district (until 2025-06-30 only) or commune.</param>
/// <param name="Name">The name without its type ("Ninh Kiều").</param>
/// <param name="FullName">The name with its type ("Phường Ninh Kiều").</param>
/// <param name="Type">The type as the list writes it (Tỉnh, Thành phố, Quận, Huyện, Thị xã, Xã, Phường, Thị trấn, Đặc khu).</param>
/// <param name="ProvinceCode">The province the unit lies in (its own code for a province).</param>
/// <param name="Parent">The unit directly above in the same version of the list; null for a province.</param>
/// <param name="ValidFrom">First day of this version; null when it was valid before the lists the API holds begin.</param>
/// <param name="ValidUntil">Last day of this version; null while it is valid.</param>
public sealed record AdministrativeUnitSummaryDto(
    string Code,
    UnitLevel Level,
    string Name,
    string FullName,
    string Type,
    string ProvinceCode,
    AdministrativeUnitRefDto? Parent,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil)
{
    public static readonly Expression<Func<AdministrativeUnit, AdministrativeUnitSummaryDto>> Projection = u => new AdministrativeUnitSummaryDto(
        u.Code, u.Level, u.Name, u.FullName, u.Type, u.ProvinceCode,
        u.Parent == null ? null : new AdministrativeUnitRefDto(u.Parent.Code, u.Parent.FullName),
        u.ValidFrom, u.ValidUntil);
}

/// <summary>A reference to an administrative unit inside another, in the same version of the list as the unit that names it.</summary>
/// <param name="Code">The unit's code: read it at a date inside the naming unit's validity.</param>
/// <param name="FullName">The name with its type ("Quận Ninh Kiều").</param>
public sealed record AdministrativeUnitRefDto(string Code, string FullName);

/// <summary>A unit version another one's area passed to, or came from, in a reorganisation.</summary>
/// <param name="Code">The other unit's code; read it at a date inside <c>validFrom</c>–<c>validUntil</c>.</param>
/// <param name="FullName">The other unit's name with its type, in that version.</param>
/// <param name="Level">The other unit's tier.</param>
/// <param name="ValidFrom">First day of the other version; null when it was valid before the lists begin.</param>
/// <param name="ValidUntil">Last day of the other version; null while it is valid.</param>
/// <param name="Kind">How the area passed: merged_into (joined with others), split_among (divided among several), renamed, or continued (unchanged in the new list).</param>
/// <param name="EffectiveOn">The day the successor took over (2025-07-01 for the two-tier reorganisation).</param>
public sealed record AdministrativeUnitSuccessionDto(
    string Code,
    string FullName,
    UnitLevel Level,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    SuccessionKind Kind,
    DateOnly EffectiveOn);
