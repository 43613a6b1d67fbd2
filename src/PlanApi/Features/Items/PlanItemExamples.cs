using PlanApi.Common;
using PlanApi.Domain;
using PlanApi.Features.Agencies;
using PlanApi.Features.Plans;
using PlanApi.Features.ProgressReports;

namespace PlanApi.Features.Items;

/// <summary>Contract examples of plan items: tasks 6 and 19 of plan 244/KH-UBND.</summary>
internal sealed class PlanItemExamples : IContractExamples
{
    private static readonly PlanItemDto Item = new(
        // A group is shown as plans grouped by subject print it (the seed itself is grouped by quarter only).
        PlanExamples.PlanId, "244/KH-UBND", 6, 1, "6", new ItemGroupDto("I", "Công tác tổ chức phong trào thi đua"),
        "Tổ chức họp Hội đồng TĐKT (Phiên thứ nhất) xét các danh hiệu thi đua cấp thành phố; …",
        AgencyExamples.BanTdkt, "Cơ quan Thường trực Hội đồng TĐKT", [], true,
        "Ban TĐKT thành phố (Cơ quan Thường trực Hội đồng TĐKT) chủ trì phối hợp với các cơ quan liên quan",
        new DueDto(2023, 2, MonthPart.Early, "đầu tháng 02 /2023", new DateOnly(2023, 2, 1), new DateOnly(2023, 2, 10), false, DueKind.Month),
        ItemStatus.Completed, 100, false, 0, false, new DateOnly(2023, 2, 8), PlanExamples.Reported, ProgressReportExamples.ReportId,
        PlanExamples.Created, PlanExamples.Reported);

    public static readonly CreatePlanItemBody ItemBody = new(
        19, 3, "Khen thưởng, tôn vinh và biểu dương học sinh đạt giải cao tại các kỳ thi học sinh giỏi cấp quốc gia năm học 2022 – 2023",
        "so-gddt-can-tho", null, ["ban-tdkt-can-tho"], true,
        "Sở Giáo dục và Đào tạo chủ trì phối hợp với Ban TĐKT thành phố (Cơ quan Thường trực Hội đồng TĐKT) và các cơ quan liên quan",
        new DuePeriodInput(2023, 7, MonthPart.Whole, DueKind.Month), "tháng 7/2023", null, new ItemGroupInput("II", "Công tác khen thưởng"));

    public IReadOnlyDictionary<Type, object> Examples => new Dictionary<Type, object>
    {
        [typeof(PlanItemDto)] = Item,
        [typeof(Page<PlanItemDto>)] = new Page<PlanItemDto>([Item], 32, 1, 5, $"/api/v1/plans/{PlanExamples.PlanId}/items?limit=1&offset=6"),
        [typeof(CreatePlanItemBody)] = ItemBody,
        [typeof(PlanItemFields)] = (PlanItemFields)ItemBody with { },
        [typeof(ItemAssigneesDto)] = new ItemAssigneesDto(PlanExamples.PlanId, 4,
        [
            new ItemAssigneeDto(new AgencyRefDto("so-noi-vu-can-tho", "Sở Nội vụ thành phố Cần Thơ", "Sở Nội vụ"), "lead", PlanExamples.Reported, null, null),
            new ItemAssigneeDto(new AgencyRefDto("ubnd-cac-xa-phuong-thi-tran-dac-khu-can-tho", "UBND các xã, phường, thị trấn, đặc khu thành phố Cần Thơ", "UBND các xã, phường"),
                "coordinator", PlanExamples.Reported, 1,
                [new ItemSetMemberDto(new AgencyRefDto("ubnd-phuong-cai-khe-can-tho", "Ủy ban nhân dân phường Cái Khế", "UBND phường Cái Khế"), null),
                 new ItemSetMemberDto(new AgencyRefDto("ubnd-phuong-ninh-kieu-can-tho", "Ủy ban nhân dân phường Ninh Kiều", "UBND phường Ninh Kiều"), PlanExamples.Reported)]),
        ]),
    };
}
