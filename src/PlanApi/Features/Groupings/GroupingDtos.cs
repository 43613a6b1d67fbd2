using System.Linq.Expressions;
using PlanApi.Domain;
using PlanApi.Features.Agencies;

namespace PlanApi.Features.Groupings;

/// <summary>A cụm or khối thi đua for one year, with its members and that year's head and deputy.</summary>
/// <param name="Code">Stable slug used in URLs.</param>
/// <param name="Kind">cum (cluster, by area or type) or khoi (block, by sector).</param>
/// <param name="Name">Name, e.g. "Cụm thi đua 5 thành phố trực thuộc Trung ương".</param>
/// <param name="Year">The emulation year the membership and roles apply to.</param>
/// <param name="Description">Free text.</param>
/// <param name="Head">Trưởng Cụm/Khối for the year.</param>
/// <param name="Deputy">Phó Cụm/Khối for the year.</param>
/// <param name="Members">Member agencies.</param>
public sealed record GroupingDto(
    string Code, GroupingKind Kind, string Name, int Year, string? Description, AgencyRefDto? Head, AgencyRefDto? Deputy,
    IReadOnlyList<AgencyRefDto> Members, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    [property: System.Text.Json.Serialization.JsonIgnore] uint Version = 0) : PlanApi.Common.IVersionedResource
{
    public static readonly Expression<Func<Grouping, GroupingDto>> Projection = g => new GroupingDto(
        g.Code, g.Kind, g.Name, g.Year, g.Description,
        g.HeadAgency == null ? null : new AgencyRefDto(g.HeadAgency.Code, g.HeadAgency.Name, g.HeadAgency.ShortName),
        g.DeputyAgency == null ? null : new AgencyRefDto(g.DeputyAgency.Code, g.DeputyAgency.Name, g.DeputyAgency.ShortName),
        g.Members.OrderBy(m => m.Position).Select(m => new AgencyRefDto(m.Agency!.Code, m.Agency.Name, m.Agency.ShortName)).ToList(),
        g.CreatedAt, g.UpdatedAt, g.Version);
}
