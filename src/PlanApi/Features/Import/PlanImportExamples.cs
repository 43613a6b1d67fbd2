using PlanApi.Common;
using PlanApi.Domain;
using PlanApi.Features.Items;
using PlanApi.Features.Plans;

namespace PlanApi.Features.Import;

/// <summary>Contract examples of an import preview: plan 244/KH-UBND read from its .docx, with one warning.</summary>
internal sealed class PlanImportExamples : IContractExamples
{
    public IReadOnlyDictionary<Type, object> Examples => new Dictionary<Type, object>
    {
        [typeof(PlanImportPreviewDto)] = new PlanImportPreviewDto(
            "docx",
            new PlanImportJurisdictionDto("92", "Thành phố Cần Thơ", JurisdictionLevel.Province, "92", null, new DateOnly(2025, 6, 30), JurisdictionOrigin.Place),
            PlanExamples.Fields with { Lifecycle = PlanLifecycle.Draft }, [PlanItemExamples.ItemBody],
            [new ImportWarning("task 5: the due phrase \"tháng 13/2023\" is not understood; it is kept as text", "table 2, row 7")],
            [new UnresolvedAgency("Sở Văn hóa, Thể thao và Du lịch", "so-van-hoa-the-thao-va-du-lich-can-tho",
                "Sở Văn hóa, Thể thao và Du lịch thành phố Cần Thơ", "92", AgencyKind.Department)], null, false),
    };
}
