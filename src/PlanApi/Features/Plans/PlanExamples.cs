using PlanApi.Common;
using PlanApi.Domain;
using PlanApi.Features.Agencies;

namespace PlanApi.Features.Plans;

/// <summary>Contract examples of plans: plan 244/KH-UBND of Cần Thơ.</summary>
internal sealed class PlanExamples : IContractExamples
{
    public static Guid PlanId => Guid.Parse("0195f3a0-1c2b-7d4e-8f90-123456789abc");
    public static DateTimeOffset Created => new(2023, 1, 3, 8, 0, 0, TimeSpan.FromHours(7));
    public static DateTimeOffset Reported => new(2023, 2, 8, 16, 30, 0, TimeSpan.FromHours(7));

    public static readonly PlanFields Fields = new(
        "ubnd-can-tho", "244/KH-UBND", "KH", "Cần Thơ", new DateOnly(2022, 12, 20), 2023,
        "Triển khai công tác thi đua, khen thưởng năm 2023",
        "Ủy ban nhân dân thành phố ban hành Kế hoạch triển khai công tác thi đua, khen thưởng năm 2023 với những nội dung chủ yếu sau:",
        [new LegalBasis("42/NQ-HĐND", "NQ", new DateOnly(2022, 12, 9), "Hội đồng nhân dân thành phố", "hdnd-can-tho",
            "về kết quả thực hiện nhiệm vụ kinh tế - xã hội, quốc phòng - an ninh năm 2022 và mục tiêu, nhiệm vụ, giải pháp năm 2023")],
        [new LabeledText("a", "Đẩy mạnh các phong trào thi đua yêu nước thực hiện có hiệu quả, đồng bộ, …")],
        [new LabeledText(null, "Các cơ quan, đơn vị, địa phương, doanh nghiệp và các cụm, khối thi đua chủ động xây dựng kế hoạch …")],
        [new PlanDuty(4, "Giao Ban Thi đua - Khen thưởng thành phố (Sở Nội vụ) theo dõi, đôn đốc …", ["ban-tdkt-can-tho", "so-noi-vu-can-tho"])],
        ["Văn phòng Chính phủ", "Ban TĐ-KT Trung ương"],
        new Signature("TM.", "Ủy ban nhân dân", "Chủ tịch", "Trần Việt Trường"),
        PlanLifecycle.Published);

    private static readonly PlanDto Plan = new(
        PlanId, "244/KH-UBND", "KH", AgencyExamples.UbndCanTho, "Cần Thơ", new DateOnly(2022, 12, 20), 2023, Fields.Title,
        Fields.Preamble, Fields.LegalBases!, Fields.Purposes!, Fields.Requirements!,
        Fields.Duties!, Fields.Recipients!, Fields.Signature, PlanLifecycle.Published, 32, Created, Created);

    private static readonly PlanSummaryDto PlanSummary = new(
        PlanId, "244/KH-UBND", AgencyExamples.UbndCanTho, new DateOnly(2022, 12, 20), 2023, Fields.Title, PlanLifecycle.Published, 32, Created, Created);

    public IReadOnlyDictionary<Type, object> Examples => new Dictionary<Type, object>
    {
        [typeof(PlanFields)] = Fields,
        [typeof(PlanDto)] = Plan,
        [typeof(PlanSummaryDto)] = PlanSummary,
        [typeof(Page<PlanSummaryDto>)] = new Page<PlanSummaryDto>([PlanSummary], 1, 20, 0),
    };
}
