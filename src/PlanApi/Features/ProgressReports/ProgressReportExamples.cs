using PlanApi.Common;
using PlanApi.Domain;
using PlanApi.Features.Agencies;
using PlanApi.Features.Plans;

namespace PlanApi.Features.ProgressReports;

/// <summary>Contract examples of progress reports: Ban TĐKT's report that task 6 is done.</summary>
internal sealed class ProgressReportExamples : IContractExamples
{
    public static Guid ReportId => Guid.Parse("0195f3a4-77aa-7b1c-9d2e-abcdef012345");

    private static readonly ProgressReportBody ReportBody = new(
        "ban-tdkt-can-tho", ItemStatus.Completed, 100,
        "Đã tổ chức họp Hội đồng TĐKT phiên thứ nhất ngày 08/02/2023; hồ sơ đề nghị Cờ thi đua của Chính phủ đã trình.",
        new EvidenceDto("25/BC-BTĐKT", new DateOnly(2023, 2, 8), "https://cantho.gov.vn/van-ban/25-bc-btdkt"),
        new DateOnly(2023, 2, 1), new DateOnly(2023, 2, 8));

    private static readonly ProgressReportDto Report = new(
        ReportId, PlanExamples.PlanId, 6, AgencyExamples.BanTdkt, ItemStatus.Completed, 100, ReportBody.Summary, ReportBody.Evidence,
        ReportBody.PeriodFrom, ReportBody.PeriodTo, PlanExamples.Reported);

    public IReadOnlyDictionary<Type, object> Examples => new Dictionary<Type, object>
    {
        [typeof(ProgressReportBody)] = ReportBody,
        [typeof(ProgressReportDto)] = Report,
        [typeof(Page<ProgressReportDto>)] = new Page<ProgressReportDto>([Report], 1, 20, 0),
    };
}
