using PlanApi.Common;
using PlanApi.Features.Plans;
using PlanApi.Features.ProgressReports;

namespace PlanApi.Features.Audit;

/// <summary>Contract examples of the audit trail: Ninh Kiều's system posting a report.</summary>
internal sealed class AuditExamples : IContractExamples
{
    public IReadOnlyDictionary<Type, object> Examples => new Dictionary<Type, object>
    {
        [typeof(Page<AuditEntryDto>)] = new Page<AuditEntryDto>(
            [new AuditEntryDto(Guid.Parse("0195f3a4-77ab-7000-8000-0000000a0d17"), PlanExamples.Reported, "key:0195f3b0-0000-7000-8000-00000000a11e",
                "Phần mềm quản lý văn bản quận Ninh Kiều", Guid.Parse("0195f3b0-0000-7000-8000-00000000a11e"), "ninh-kieu", "create",
                "progress_report", ProgressReportExamples.ReportId.ToString(), null,
                System.Text.Json.JsonSerializer.SerializeToElement(new { id = ProgressReportExamples.ReportId, status = "in_progress", percentComplete = 60 }),
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")], 1, 20, 0),
    };
}
