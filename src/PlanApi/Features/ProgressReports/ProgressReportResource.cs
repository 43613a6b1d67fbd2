using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Features.Items;

namespace PlanApi.Features.ProgressReports;

/// <summary>
/// Progress reports in the audit trail and the change feed. A report changes its item's status too, so feed pollers
/// must refetch the item; reports are accepted on published plans only, so that change is public without asking.
/// </summary>
internal sealed class ProgressReportResource : WritableResource<ProgressReportDto>
{
    public const string TypeName = "progress_report";

    public override string Type => TypeName;

    public override string Link(string key) => $"/api/v1/progress-reports/{key}";

    protected override string KeyOf(ProgressReportDto report) => report.Id.ToString();

    protected override async Task<ProgressReportDto?> ReadAsync(PlanDbContext db, TimeProvider clock, string key, CancellationToken ct) =>
        Guid.TryParse(key, out var id) ? await GetProgressReportHandler.FindAsync(db, id, ct) : null;

    protected override IEnumerable<RelatedChange> AlsoChanged(ProgressReportDto report, string action) =>
        [new RelatedChange(PlanItemResource.TypeName, PlanItemResource.KeyFor(report.PlanId, report.Ordinal), Public: true)];
}
