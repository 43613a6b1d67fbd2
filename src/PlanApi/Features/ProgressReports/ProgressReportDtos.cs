using System.Linq.Expressions;
using PlanApi.Domain;
using PlanApi.Features.Agencies;

namespace PlanApi.Features.ProgressReports;

/// <summary>An accepted progress report. Reports are append-only: they are never edited or deleted.</summary>
/// <param name="Id">The report's id.</param>
/// <param name="PlanId">The plan of the reported item.</param>
/// <param name="Ordinal">The reported item's ordinal.</param>
/// <param name="ReportingAgency">The agency that reported.</param>
/// <param name="Status">The status the report declares for the item.</param>
/// <param name="PercentComplete">0–100.</param>
/// <param name="Summary">What was done.</param>
/// <param name="Evidence">The document that proves it, if any.</param>
/// <param name="PeriodFrom">First day of the period the report covers.</param>
/// <param name="PeriodTo">Last day of the period the report covers.</param>
/// <param name="ReportedAt">When the server accepted the report.</param>
/// <param name="OnBehalfOf">What the item names that the reporting agency reported for, when it does not name the agency itself: the set it is a member of ("UBND các xã, phường"), or the ended agency it succeeded.</param>
public sealed record ProgressReportDto(
    Guid Id, Guid PlanId, int Ordinal, AgencyRefDto ReportingAgency, ItemStatus Status, int PercentComplete, string Summary,
    EvidenceDto? Evidence, DateOnly? PeriodFrom, DateOnly? PeriodTo, DateTimeOffset ReportedAt,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    AgencyRefDto? OnBehalfOf = null)
{
    public static readonly Expression<Func<ProgressReport, ProgressReportDto>> Projection = r => new ProgressReportDto(
        r.Id, r.PlanItem!.PlanId, r.PlanItem.Ordinal,
        new AgencyRefDto(r.ReportingAgency!.Code, r.ReportingAgency.Name, r.ReportingAgency.ShortName),
        r.Status, r.PercentComplete, r.Summary,
        r.EvidenceDocumentNumber == null && r.EvidenceDocumentDate == null && r.EvidenceUrl == null
            ? null
            : new EvidenceDto(r.EvidenceDocumentNumber, r.EvidenceDocumentDate, r.EvidenceUrl),
        r.PeriodFrom, r.PeriodTo, r.ReportedAt,
        r.OnBehalfOfAgency == null ? null : new AgencyRefDto(r.OnBehalfOfAgency.Code, r.OnBehalfOfAgency.Name, r.OnBehalfOfAgency.ShortName));
}

/// <summary>The document behind a report: its number and date, and where to read it.</summary>
/// <param name="DocumentNumber">Number and symbol, e.g. "15/BC-UBND".</param>
/// <param name="DocumentDate">Date of the document.</param>
/// <param name="Url">An http(s) link to the document.</param>
public sealed record EvidenceDto(string? DocumentNumber, DateOnly? DocumentDate, string? Url);
