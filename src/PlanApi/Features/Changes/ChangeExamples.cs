using PlanApi.Features.Plans;
using PlanApi.Features.ProgressReports;

namespace PlanApi.Features.Changes;

/// <summary>Contract examples of the change feed: a report and the item it changed.</summary>
internal sealed class ChangeExamples : Common.IContractExamples
{
    public IReadOnlyDictionary<Type, object> Examples => new Dictionary<Type, object>
    {
        [typeof(ChangePage)] = new ChangePage(
            [new ChangeDto(1842, PlanExamples.Reported, "create", "progress_report", ProgressReportExamples.ReportId.ToString(), "\"k3Jd9sQ0vLw2mXc8pZ1tYb\"",
                $"/api/v1/progress-reports/{ProgressReportExamples.ReportId}"),
             new ChangeDto(1843, PlanExamples.Reported, "update", "plan_item", $"{PlanExamples.PlanId}/6", "\"Qm7Tz2Lr5vNc1Xa9Pd4Wke\"",
                $"/api/v1/plans/{PlanExamples.PlanId}/items/6")],
            1843, "/api/v1/changes?after=1843&limit=100", false),
    };
}
