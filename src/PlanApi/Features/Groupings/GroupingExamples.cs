using PlanApi.Common;
using PlanApi.Domain;
using PlanApi.Features.Agencies;
using PlanApi.Features.Plans;

namespace PlanApi.Features.Groupings;

/// <summary>
/// Contract examples of groupings: an illustrative cụm of the five urban districts (a city's own cụm are designated
/// each year, plan task 8).
/// </summary>
internal sealed class GroupingExamples : IContractExamples
{
    private static readonly string[] UrbanDistricts = ["ninh-kieu", "binh-thuy", "cai-rang", "o-mon", "thot-not"];

    private static readonly CreateGroupingCommand GroupingBody = new(
        "cum-cac-quan-2023", GroupingKind.Cum, "Cụm thi đua các quận", 2023,
        "Ninh Kiều, Bình Thủy, Cái Răng, Ô Môn, Thốt Nốt", UrbanDistricts, "ninh-kieu", "binh-thuy");

    private static readonly GroupingDto Grouping = new(
        GroupingBody.Code, GroupingKind.Cum, GroupingBody.Name, 2023, GroupingBody.Description,
        District("ninh-kieu", "Ninh Kiều"), District("binh-thuy", "Bình Thủy"),
        [District("ninh-kieu", "Ninh Kiều"), District("binh-thuy", "Bình Thủy"), District("cai-rang", "Cái Răng"),
         District("o-mon", "Ô Môn"), District("thot-not", "Thốt Nốt")],
        PlanExamples.Created, PlanExamples.Created);

    public IReadOnlyDictionary<Type, object> Examples => new Dictionary<Type, object>
    {
        [typeof(GroupingDto)] = Grouping,
        [typeof(Page<GroupingDto>)] = new Page<GroupingDto>([Grouping], 1, 20, 0),
        [typeof(CreateGroupingCommand)] = GroupingBody,
        [typeof(GroupingFields)] = new GroupingFields(GroupingKind.Cum, GroupingBody.Name, 2023, GroupingBody.Description, UrbanDistricts, "ninh-kieu", "binh-thuy"),
    };

    private static AgencyRefDto District(string code, string name) => new(code, $"Ủy ban nhân dân quận {name}", $"Quận {name}");
}
