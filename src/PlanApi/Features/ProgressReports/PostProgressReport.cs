using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Domain;
using PlanApi.Features.Agencies;
using PlanApi.Features.Items;

namespace PlanApi.Features.ProgressReports;

/// <summary>A progress report as a district or department system sends it.</summary>
/// <param name="ReportingAgencyCode">Omit it with a reporter credential: the report is the credential's agency's (if given it
/// must be that agency). Required when an admin posts on an agency's behalf. The agency must lead or co-operate on the item.</param>
/// <param name="Status">The item's status as of this report.</param>
/// <param name="PercentComplete">0–100. Defaults to 100 for completed, 0 for not_started, else the item's current value.</param>
/// <param name="Summary">What was done (required).</param>
/// <param name="Evidence">The document that proves it.</param>
/// <param name="PeriodFrom">First day covered.</param>
/// <param name="PeriodTo">Last day covered; not before periodFrom.</param>
public sealed record ProgressReportBody(
    string? ReportingAgencyCode, ItemStatus Status, int? PercentComplete, string Summary, EvidenceDto? Evidence,
    DateOnly? PeriodFrom, DateOnly? PeriodTo);

/// <summary>Posts a report for the caller: a reporter's credential fixes the agency; an admin names it.</summary>
/// <param name="CallerAgencyCode">The reporter credential's agency; null for admins.</param>
public sealed record PostProgressReportCommand(Guid PlanId, int Ordinal, string? CallerAgencyCode, bool CallerIsAdmin, ProgressReportBody Body)
    : ICommand<ProgressReportDto>, IAuditedCommand
{
    AuditTarget IAuditedCommand.Target => new(ProgressReportResource.TypeName, null, AuditActions.Create);
}

internal sealed class PostProgressReportValidator : AbstractValidator<PostProgressReportCommand>
{
    public PostProgressReportValidator()
    {
        RuleFor(c => c.Body).NotNull();
        When(c => c.Body is not null, () =>
        {
            RuleFor(c => c.Body.ReportingAgencyCode).MaximumLength(Limits.Code).Clean()
                .OverridePropertyName("reportingAgencyCode");
            RuleFor(c => c.Body.ReportingAgencyCode).NotEmpty().When(c => c.CallerAgencyCode is null)
                .WithMessage("Name the reporting agency: this credential is not bound to one.").OverridePropertyName("reportingAgencyCode");
            RuleFor(c => c.Body.Status).IsInEnum().OverridePropertyName("status");
            RuleFor(c => c.Body.PercentComplete).InclusiveBetween(0, 100).OverridePropertyName("percentComplete");
            RuleFor(c => c.Body).Must(b => b.PercentComplete is not { } p || ItemRules.CheckPercent(b.Status, p) is null)
                .WithMessage(c => ItemRules.CheckPercent(c.Body.Status, c.Body.PercentComplete ?? 0)!)
                .OverridePropertyName("percentComplete");
            RuleFor(c => c.Body.Summary).NotEmpty().MaximumLength(Limits.Text).Clean()
                .OverridePropertyName("summary");
            RuleFor(c => c.Body.Evidence!.DocumentNumber).MaximumLength(Limits.Number).Clean()
               .OverridePropertyName("evidence.documentNumber").When(c => c.Body.Evidence is not null);
            RuleFor(c => c.Body.Evidence!.Url).MaximumLength(Limits.Url)
                .Must(u => u is null || (Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                .WithMessage("An absolute http(s) URL.").OverridePropertyName("evidence.url").When(c => c.Body.Evidence is not null);
            RuleFor(c => c.Body.PeriodTo).GreaterThanOrEqualTo(c => c.Body.PeriodFrom)
                .When(c => c.Body.PeriodFrom is not null && c.Body.PeriodTo is not null).OverridePropertyName("periodTo");
        });
    }
}

/// <remarks>
/// Reports on one item are applied one at a time (its row lock), so the newest always wins. Everything that needs no
/// lock is read first, and the answers (the report, and the item for the change feed) are built from what is in
/// memory: from the lock to the commit the write sends one batch of its own statements and the commit.
/// </remarks>
internal sealed class PostProgressReportHandler(PlanDbContext db, AgencyDirectory agencies, TimeProvider clock, WriteLog log)
    : ICommandHandler<PostProgressReportCommand, ProgressReportDto>
{
    private static readonly Func<ProgressReport, ProgressReportDto> ReportAsShown = ProgressReportDto.Projection.Compile();
    private static readonly Func<PlanItem, string, PlanItemDto> ItemAsShown = PlanItemDto.ProjectionGivenPlanNumber.Compile();

    public async ValueTask<ProgressReportDto> Handle(PostProgressReportCommand command, CancellationToken ct)
    {
        var body = command.Body;
        if (command.CallerAgencyCode is { } own && body.ReportingAgencyCode is { } named && named != own)
            throw new ForbiddenException($"This credential reports for '{own}', not for '{named}'.");
        var agencyCode = command.CallerAgencyCode ?? body.ReportingAgencyCode!;
        var reporting = await agencies.FindAsync(db, agencyCode, ct)
            ?? throw new UnprocessableException($"Agency '{agencyCode}' does not exist.", "reportingAgencyCode");
        var today = PlanCalendar.Today(clock);
        if (reporting.ValidUntil is { } ended && ended < today)
            throw new UnprocessableException(await AgencyLineage.EndedMessageAsync(db, reporting.Id, ct), "reportingAgencyCode");

        // What the answers show of the plan (its number) and whether it takes reports, read before any lock.
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == command.PlanId)
            .Select(p => new { p.Number, p.Lifecycle }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Plan", command.PlanId.ToString());

        // Lock the item, with what the item's answer shows of its agencies (their names).
        var item = await db.PlanItems
            .FromSql($"SELECT *, xmin FROM plan_items WHERE plan_id = {command.PlanId} AND ordinal = {command.Ordinal} FOR UPDATE")
            .Include(i => i.LeadAgency).Include(i => i.Coordinators).ThenInclude(c => c.Agency)
            .SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Item", $"{command.Ordinal}");
        // The reporting agency as the item's answer already tracks it (it leads or co-operates), else as a reference.
        var agency = db.Agencies.Local.FirstOrDefault(a => a.Id == reporting.Id) ?? db.Agencies.Attach(reporting.AsUntrackedEntity()).Entity;
        if (plan.Lifecycle != PlanLifecycle.Published)
            throw new UnprocessableException(
                $"Progress is reported on published plans; this plan is {EnumNames<PlanLifecycle>.ToName(plan.Lifecycle)}.", "planId");
        // An agency reports on what it leads or co-operates on, as a member of a set the item names, or, as a
        // successor, on what an agency it succeeded did.
        var onBehalfOf = item.Involves(agency.Id) ? null : await InheritedFromAsync(item, agency.Id, ct);
        if (!item.Involves(agency.Id) && onBehalfOf is null)
        {
            var message = $"Agency '{agencyCode}' neither leads nor co-operates on item {item.Ordinal}, is not in a set it names, nor succeeded an agency that does.";
            throw command.CallerIsAdmin ? new UnprocessableException(message, "reportingAgencyCode") : new ForbiddenException(message);
        }

        // PostgreSQL keeps microseconds: the answer shows the time as every later read of it will.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        var report = new ProgressReport
        {
            PlanItemId = item.Id,
            PlanItem = item,
            ReportingAgencyId = agency.Id,
            ReportingAgency = agency,
            OnBehalfOfAgencyId = onBehalfOf?.Id,
            OnBehalfOfAgency = onBehalfOf,
            Status = body.Status,
            PercentComplete = body.PercentComplete ?? DefaultPercent(body.Status, item.PercentComplete),
            Summary = body.Summary.Trim(),
            EvidenceDocumentNumber = body.Evidence?.DocumentNumber?.Trim(),
            EvidenceDocumentDate = body.Evidence?.DocumentDate,
            EvidenceUrl = body.Evidence?.Url?.Trim(),
            PeriodFrom = body.PeriodFrom,
            PeriodTo = body.PeriodTo,
            ReportedAt = now,
        };
        db.ProgressReports.Add(report);
        item.Apply(report);
        item.UpdatedAt = now;

        // Nothing is saved here: the report, the item, the audit entry, the feed's entries and the idempotency record
        // go to the store in one batch when the command commits. The feed gets the item as a GET will show it.
        log.Written(PlanItemResource.TypeName, PlanItemResource.KeyFor(item.PlanId, item.Ordinal),
            ItemAsShown(item, plan.Number).AsOf(today));
        return ReportAsShown(report);
    }

    /// <summary>
    /// What the item names that the agency reports for when the item does not name the agency itself: a set it is a
    /// member of ("UBND các xã, phường"), or a predecessor (named, or a member of a named set). Null when neither.
    /// </summary>
    private async Task<Agency?> InheritedFromAsync(PlanItem item, Guid agencyId, CancellationToken ct)
    {
        var listed = await db.PlanItemAgencies.Where(x => x.PlanItemId == item.Id).Select(x => x.AgencyId).ToListAsync(ct);
        var named = item.Coordinators.Select(c => c.Agency!).Prepend(item.LeadAgency!).ToList();
        if (listed.Contains(agencyId)) return named.FirstOrDefault(a => a.Kind == AgencyKind.Collective);
        var predecessor = (await AgencyLineage.PredecessorsAsync(db, agencyId, ct)).FirstOrDefault(listed.Contains);
        if (predecessor == Guid.Empty) return null;
        return named.FirstOrDefault(a => a.Id == predecessor) ?? await db.Agencies.SingleAsync(a => a.Id == predecessor, ct);
    }

    private static int DefaultPercent(ItemStatus status, int current) => status switch
    {
        ItemStatus.Completed => 100,
        ItemStatus.NotStarted => 0,
        ItemStatus.InProgress => Math.Min(current, 99),
        _ => current,
    };
}
