using PlanApi.Common;
using PlanApi.Domain;
using PlanApi.Features.Agencies;
using PlanApi.Features.Items;
using PlanApi.Features.Plans;

namespace PlanApi.Features.Status;

/// <summary>Contract examples of status: plan 244/KH-UBND in mid-March 2023, and Sở GD&amp;ĐT in August.</summary>
internal sealed class StatusExamples : IContractExamples
{
    public IReadOnlyDictionary<Type, object> Examples => new Dictionary<Type, object>
    {
        [typeof(PlanStatusDto)] = new PlanStatusDto(
            PlanExamples.PlanId, "244/KH-UBND", PlanExamples.Fields.Title, PlanLifecycle.Published, PlanExamples.Reported, new DateOnly(2023, 3, 15), 32, 9.4m,
            new StatusCounts(27, 2, 3, 0, 0), 2, 1,
            [new QuarterStatus(1, 10, 3, 2), new QuarterStatus(2, 7, 0, 0), new QuarterStatus(3, 7, 0, 0), new QuarterStatus(4, 8, 0, 0)],
            [new LeadStatus(AgencyExamples.BanTdkt, 29, 3, 2), new LeadStatus(AgencyExamples.SoGddt, 1, 0, 0)],
            [new OverdueItem(7, "Tổ chức Hội nghị tổng kết phong trào thi đua, công tác khen thưởng năm 2022, triển khai nhiệm vụ năm 2023",
                AgencyExamples.BanTdkt, ItemStatus.InProgress, new DateOnly(2023, 2, 28), "cuối tháng 02 năm 2023", 15, DueKind.Month)],
            [new DueSoonItem(10, "Tổ chức Đoàn tham dự Hội nghị Tổng kết chỉ tiêu giao ước thi đua năm 2022 …", AgencyExamples.BanTdkt,
                ItemStatus.NotStarted, new DateOnly(2023, 3, 31), "tháng 3/2023", DueKind.Month)],
            PlanExamples.Reported, [], 0, 0),
        [typeof(Page<PlanStatusRow>)] = new Page<PlanStatusRow>(
            [new PlanStatusRow(PlanExamples.PlanId, "244/KH-UBND", PlanExamples.Fields.Title, AgencyExamples.UbndCanTho, 2023, PlanLifecycle.Published,
                32, 3, 2, 9.4m, PlanExamples.Reported)], 1, 20, 0),
        [typeof(AgencyStatusDto)] = new AgencyStatusDto(AgencyExamples.SoGddt, new DateOnly(2023, 8, 2), new GroupTotals(1, 0, 1), new GroupTotals(0, 0, 0),
            [new AgencyOverdueItem(PlanExamples.PlanId, "244/KH-UBND", 19, PlanItemExamples.ItemBody.Content, "lead", new DateOnly(2023, 7, 31), 2, DueKind.Month)]),
    };
}
