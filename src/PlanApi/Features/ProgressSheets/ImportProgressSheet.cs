using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Domain;
using PlanApi.Features.Agencies;
using PlanApi.Features.ProgressReports;
using L = PlanApi.Features.ProgressSheets.ProgressSheetLayout;

namespace PlanApi.Features.ProgressSheets;

/// <summary>An uploaded progress sheet of an agency: preview it, or post its valid rows.</summary>
/// <param name="CallerAgencyCode">The reporter credential's agency; null for admins.</param>
public sealed record ImportProgressSheetRequest(string Code, byte[] Content, bool Commit, string? CallerAgencyCode, bool CallerIsAdmin)
    : IRequest<ProgressImportDto>;

/// <remarks>
/// Not a command: it holds no transaction of its own. Each filled row is posted as the one
/// <see cref="PostProgressReportCommand"/> that POST .../progress-reports sends, in a scope of its own, so every row has
/// its own transaction, rules, audit entry and feed entries, and one row that fails leaves the others as they are.
/// Each row carries an Idempotency-Key made from the agency, the item and the row's values, kept as any other: the same
/// row uploaded again is answered from the stored result and never posted twice. A row whose item has changed since
/// the sheet was made is stale (checked against the versions read at the start of the upload).
/// </remarks>
internal sealed class ImportProgressSheetHandler(
    PlanDbContext db, ListAgencyItemsHandler list, TimeProvider clock, IServiceScopeFactory scopes,
    IValidator<PostProgressReportCommand> validator)
    : IRequestHandler<ImportProgressSheetRequest, ProgressImportDto>
{
    /// <summary>The command's fields, as its validator names them, and the sheet's columns they come from.</summary>
    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        ["status"] = L.Status, ["percentComplete"] = L.Percent, ["summary"] = L.Summary,
        ["evidence.documentNumber"] = L.EvidenceNumber, ["evidence.url"] = L.EvidenceUrl, ["evidence.documentDate"] = L.EvidenceDate,
        ["periodFrom"] = L.PeriodFrom, ["periodTo"] = L.PeriodTo,
    };

    public async ValueTask<ProgressImportDto> Handle(ImportProgressSheetRequest request, CancellationToken ct)
    {
        if (request.CallerAgencyCode is { } own && own != request.Code)
            throw new ForbiddenException($"This credential reports for '{own}', not for '{request.Code}'.");
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Code == request.Code).Select(a => new { a.Id, a.ValidUntil })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Agency", request.Code);
        if (agency.ValidUntil is { } ended && ended < PlanCalendar.Today(clock))
            throw new UnprocessableException(await AgencyLineage.EndedMessageAsync(db, agency.Id, ct), "code");

        List<ProgressSheetEntry> entries;
        try
        {
            entries = ProgressSheetParser.Parse(ProgressSheetReader.Read(request.Content));
        }
        catch (ProgressSheetFormatException e)
        {
            throw new UnprocessableException(e.Message, "file");
        }

        var open = (await ProgressSheetItems.OpenAsync(db, list, request.Code, ct)).Select(i => (i.PlanId, i.Ordinal)).ToHashSet();
        var planIds = entries.Where(e => e.Filled && e.PlanId is not null).Select(e => e.PlanId!.Value).Distinct().ToList();
        var versions = await db.PlanItems.AsNoTracking().Where(i => planIds.Contains(i.PlanId))
            .Select(i => new { i.PlanId, i.Ordinal, i.Version }).ToDictionaryAsync(i => (i.PlanId, i.Ordinal), i => i.Version, ct);
        var scope = $"progress-sheet:{request.Code}";
        var keys = entries.Where(e => e.Body is not null).ToDictionary(e => e.Row, e => $"{e.PlanId:D}/{e.Ordinal}/{e.ContentHash()}");
        var keyList = keys.Values.Distinct().ToList();
        var reported = (await IdempotencyStore.StoredResultsAsync(db, scope, keyList, ct))
            .ToDictionary(r => r.Key, r => ReportIdOf(r.Value), StringComparer.Ordinal);

        var rows = new List<ProgressImportRowDto>();
        var toPost = new List<(int Index, PostProgressReportCommand Command, string Key, string Hash)>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var row = new ProgressImportRowDto(entry.Row, entry.PlanId, entry.Ordinal, ProgressImportOutcome.Unchanged, []);
            if (!entry.Filled) { rows.Add(row); continue; }
            if (entry.Body is not { } body) { rows.Add(row with { Outcome = ProgressImportOutcome.Error, Errors = entry.Errors }); continue; }
            var item = (entry.PlanId!.Value, entry.Ordinal!.Value);
            var key = keys[entry.Row];
            var command = new PostProgressReportCommand(item.Item1, item.Item2, request.CallerAgencyCode, request.CallerIsAdmin,
                body with { ReportingAgencyCode = request.CallerAgencyCode is null ? request.Code : null });
            row = row with { Report = command.Body };
            if (firstRowOf.TryGetValue(key, out var earlier))
                rows.Add(row with { Outcome = ProgressImportOutcome.Duplicate, Message = $"The same report as row {earlier}: it is posted once." });
            else if (reported.TryGetValue(key, out var reportId))
                rows.Add(row with { Outcome = ProgressImportOutcome.AlreadyReported, ReportId = reportId, Message = "This row was reported before; it is not posted again." });
            else if (!versions.TryGetValue(item, out var current))
                rows.Add(Error(row, entry, L.Ordinal, $"The plan has no item {entry.Ordinal}: keep the plan id and TT the downloaded sheet has."));
            else if (current != entry.Version)
                rows.Add(row with
                {
                    Outcome = ProgressImportOutcome.Stale,
                    Message = string.Create(CultureInfo.InvariantCulture,
                        $"Item {entry.Ordinal} changed since the sheet was made (version {entry.Version}, now {current}): download the sheet again and report it there."),
                });
            else if (!open.Contains(item))
                rows.Add(Error(row, entry, L.Ordinal,
                    $"Item {entry.Ordinal} is not open to this agency's reports: its plan is not published, or the agency has no part in it."));
            else if ((await validator.ValidateAsync(command, ct)).Errors is { Count: > 0 } failures)
                rows.Add(row with { Outcome = ProgressImportOutcome.Error, Errors = failures.Select(f => ErrorOf(entry, f.PropertyName, f.ErrorMessage)).ToList() });
            else
            {
                firstRowOf[key] = entry.Row;
                toPost.Add((rows.Count, command, key, key[(key.LastIndexOf('/') + 1)..]));
                rows.Add(row with { Outcome = ProgressImportOutcome.WouldReport });
            }
            if (rows[^1].Outcome != ProgressImportOutcome.Duplicate) firstRowOf.TryAdd(key, entry.Row);
        }

        if (request.Commit)
        {
            foreach (var (index, command, key, hash) in toPost)
                rows[index] = await PostAsync(rows[index], entries.Single(e => e.Row == rows[index].Row), command, new IdempotentRequest(scope, key, hash), ct);
        }
        return new ProgressImportDto(request.Code, ProgressSheetReader.FormatOf(request.Content), request.Commit, rows, ProgressImportCountsDto.Of(rows));
    }

    /// <summary>Posts one row exactly as POST .../progress-reports would, with the row's Idempotency-Key.</summary>
    private async Task<ProgressImportRowDto> PostAsync(
        ProgressImportRowDto row, ProgressSheetEntry entry, PostProgressReportCommand command, IdempotentRequest key, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var idempotency = scope.ServiceProvider.GetRequiredService<IdempotencyStore>();
        idempotency.Request = key;
        try
        {
            var report = await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, ct);
            return idempotency.Replayed
                ? row with { Outcome = ProgressImportOutcome.AlreadyReported, ReportId = report.Id, Message = "This row was reported before; it is not posted again." }
                : row with { Outcome = ProgressImportOutcome.Reported, ReportId = report.Id };
        }
        catch (RequestValidationException e)
        {
            return row with
            {
                Outcome = ProgressImportOutcome.Error,
                Errors = e.Errors.SelectMany(kv => kv.Value.Select(m => ErrorOf(entry, kv.Key, m))).ToList(),
            };
        }
        catch (ApiException e) when (e.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound or StatusCodes.Status422UnprocessableEntity)
        {
            return Error(row, entry, L.Ordinal, e.Message);
        }
    }

    private static ProgressImportRowDto Error(ProgressImportRowDto row, ProgressSheetEntry entry, string key, string message) =>
        row with { Outcome = ProgressImportOutcome.Error, Errors = [new ProgressImportErrorDto(entry.CellOf(key), key, message)] };

    private static ProgressImportErrorDto ErrorOf(ProgressSheetEntry entry, string property, string message)
    {
        var key = ColumnOfField.GetValueOrDefault(RequestValidationException.FieldPath(property), L.Ordinal);
        return new ProgressImportErrorDto(entry.CellOf(key), key, message);
    }

    private static Guid? ReportIdOf(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize<ProgressReportDto>(body, ETags.Json)?.Id;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
