using PlanApi.Features.ProgressReports;

namespace PlanApi.Features.ProgressSheets;

/// <summary>What became, or would become, of one row of an uploaded progress sheet.</summary>
public enum ProgressImportOutcome
{
    /// <summary>Preview: the row is a valid report and would be posted.</summary>
    WouldReport,
    /// <summary>Commit: the row was posted as a progress report (<c>reportId</c>).</summary>
    Reported,
    /// <summary>No report cell is filled: the row is left out.</summary>
    Unchanged,
    /// <summary>The same row (same item, same values) was reported before, from this file or another: not posted again.</summary>
    AlreadyReported,
    /// <summary>The same report as an earlier row of this file: posted once, for the earlier row.</summary>
    Duplicate,
    /// <summary>The item changed since the sheet was made (another report, an edit): not posted; download a new sheet.</summary>
    Stale,
    /// <summary>A cell does not read or the report breaks a rule (<c>errors</c>): not posted.</summary>
    Error,
}

/// <summary>One row of an uploaded sheet.</summary>
/// <param name="Row">The row number as the spreadsheet shows it.</param>
/// <param name="PlanId">The row's plan, when its cell reads.</param>
/// <param name="Ordinal">The row's item (TT), when its cell reads.</param>
/// <param name="Outcome">What became (commit) or would become (preview) of the row.</param>
/// <param name="Errors">For outcome error: each cell to correct, as "H7", with what is wrong.</param>
/// <param name="Message">Why a row is stale, a duplicate or already reported.</param>
/// <param name="ReportId">The report posted for the row (reported), or posted before (already_reported).</param>
/// <param name="Report">The report the row makes, for every filled row that reads; absent otherwise.</param>
public sealed record ProgressImportRowDto(
    int Row, Guid? PlanId, int? Ordinal, ProgressImportOutcome Outcome, IReadOnlyList<ProgressImportErrorDto> Errors,
    string? Message = null, Guid? ReportId = null,
    // Written only when there is one: OpenAPI 3.0 validators refuse null for a referenced object.
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    ProgressReportBody? Report = null);

/// <summary>How many rows had each outcome.</summary>
public sealed record ProgressImportCountsDto(int WouldReport, int Reported, int Unchanged, int AlreadyReported, int Duplicate, int Stale, int Error)
{
    public static ProgressImportCountsDto Of(IReadOnlyCollection<ProgressImportRowDto> rows)
    {
        int Count(ProgressImportOutcome o) => rows.Count(r => r.Outcome == o);
        return new(Count(ProgressImportOutcome.WouldReport), Count(ProgressImportOutcome.Reported), Count(ProgressImportOutcome.Unchanged),
            Count(ProgressImportOutcome.AlreadyReported), Count(ProgressImportOutcome.Duplicate), Count(ProgressImportOutcome.Stale),
            Count(ProgressImportOutcome.Error));
    }
}

/// <summary>The result of an uploaded progress sheet, row by row.</summary>
/// <param name="AgencyCode">The agency the sheet reports for.</param>
/// <param name="Format">How the file was read: xlsx or csv.</param>
/// <param name="Committed">False for a preview (nothing written); true when the valid rows were posted.</param>
/// <param name="Rows">Every row after the headers that holds anything, in sheet order.</param>
/// <param name="Counts">Rows per outcome.</param>
public sealed record ProgressImportDto(
    string AgencyCode, string Format, bool Committed, IReadOnlyList<ProgressImportRowDto> Rows, ProgressImportCountsDto Counts);
