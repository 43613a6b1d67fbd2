using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.ProgressReports;

/// <summary>A progress report as a district or department system sends it.</summary>
/// <param name="ReportingAgencyCode">The reporting agency; it must lead or co-operate on the item.</param>
/// <param name="Status">The item's status as of this report.</param>
/// <param name="PercentComplete">0–100. Defaults to 100 for completed, 0 for not_started, else the item's current value.</param>
/// <param name="Summary">What was done (required).</param>
/// <param name="Evidence">The document that proves it.</param>
/// <param name="PeriodFrom">First day covered.</param>
/// <param name="PeriodTo">Last day covered; not before periodFrom.</param>
public sealed record ProgressReportBody(
    string ReportingAgencyCode, ItemStatus Status, int? PercentComplete, string Summary, EvidenceDto? Evidence,
    DateOnly? PeriodFrom, DateOnly? PeriodTo);

/// <summary>Result of posting: the report, and whether this call created it or replayed an earlier one with the same key.</summary>
public sealed record PostProgressReportResult(ProgressReportDto Report, bool Replayed);

public sealed record PostProgressReportCommand(Guid PlanId, int Ordinal, string? IdempotencyKey, ProgressReportBody Body)
    : ICommand<PostProgressReportResult>;

internal sealed class PostProgressReportValidator : AbstractValidator<PostProgressReportCommand>
{
    public PostProgressReportValidator()
    {
        RuleFor(c => c.IdempotencyKey).NotEmpty().WithName("Idempotency-Key")
            .WithMessage("Send an Idempotency-Key header (e.g. a UUID) so that retries never create a second report.")
            .MaximumLength(Limits.IdempotencyKey).WithName("Idempotency-Key")
            .Must(k => k is null || k.All(c => c is > ' ' and <= '~')).WithName("Idempotency-Key")
            .WithMessage("Idempotency-Key must be visible ASCII characters.")
            .OverridePropertyName("Idempotency-Key");
        RuleFor(c => c.Body).NotNull();
        When(c => c.Body is not null, () =>
        {
            RuleFor(c => c.Body.ReportingAgencyCode).NotEmpty().MaximumLength(Limits.Code).OverridePropertyName("reportingAgencyCode");
            RuleFor(c => c.Body.Status).IsInEnum().OverridePropertyName("status");
            RuleFor(c => c.Body.PercentComplete).InclusiveBetween(0, 100).OverridePropertyName("percentComplete");
            RuleFor(c => c.Body).Must(b => b.PercentComplete is not { } p || ItemRules.CheckPercent(b.Status, p) is null)
                .WithMessage(c => ItemRules.CheckPercent(c.Body.Status, c.Body.PercentComplete ?? 0)!)
                .OverridePropertyName("percentComplete");
            RuleFor(c => c.Body.Summary).NotEmpty().MaximumLength(Limits.Text).Must(Text.IsClean).WithMessage(Text.CleanMessage)
                .OverridePropertyName("summary");
            RuleFor(c => c.Body.Evidence!.DocumentNumber).MaximumLength(Limits.Number).Must(Text.IsClean)
                .WithMessage(Text.CleanMessage).OverridePropertyName("evidence.documentNumber").When(c => c.Body.Evidence is not null);
            RuleFor(c => c.Body.Evidence!.Url).MaximumLength(Limits.Url)
                .Must(u => u is null || (Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                .WithMessage("An absolute http(s) URL.").OverridePropertyName("evidence.url").When(c => c.Body.Evidence is not null);
            RuleFor(c => c.Body.PeriodTo).GreaterThanOrEqualTo(c => c.Body.PeriodFrom)
                .When(c => c.Body.PeriodFrom is not null && c.Body.PeriodTo is not null).OverridePropertyName("periodTo");
        });
    }
}

internal sealed class PostProgressReportHandler(PlanDbContext db, TimeProvider clock, ISender sender)
    : ICommandHandler<PostProgressReportCommand, PostProgressReportResult>
{
    private static readonly JsonSerializerOptions HashOptions = new(JsonSerializerDefaults.Web);

    public async ValueTask<PostProgressReportResult> Handle(PostProgressReportCommand command, CancellationToken ct)
    {
        try
        {
            return await PostAsync(command, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent request with the same key won the race (on another item): answer as a retry would be answered.
            db.ChangeTracker.Clear();
            return await PostAsync(command, ct);
        }
    }

    private async Task<PostProgressReportResult> PostAsync(PostProgressReportCommand command, CancellationToken ct)
    {
        var body = command.Body;
        var agencyId = await db.Agencies.Where(a => a.Code == body.ReportingAgencyCode).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct)
            ?? throw new UnprocessableException($"Agency '{body.ReportingAgencyCode}' does not exist.", "reportingAgencyCode");
        var hash = Hash(command);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Lock the item: reports on one item are applied one at a time, so the newest always wins.
        var item = await db.PlanItems
            .FromSql($"SELECT * FROM plan_items WHERE plan_id = {command.PlanId} AND ordinal = {command.Ordinal} FOR UPDATE")
            .Include(i => i.Plan).Include(i => i.Coordinators)
            .SingleOrDefaultAsync(ct);

        var previous = await db.ProgressReports.AsNoTracking()
            .Where(r => r.ReportingAgencyId == agencyId && r.IdempotencyKey == command.IdempotencyKey)
            .Select(r => new { r.Id, r.RequestHash })
            .SingleOrDefaultAsync(ct);
        if (previous is not null)
        {
            if (previous.RequestHash != hash)
                throw new UnprocessableException(
                    "This Idempotency-Key was already used for a different report; use a new key for a new report.", "Idempotency-Key");
            await transaction.RollbackAsync(ct);
            return new PostProgressReportResult(await sender.Send(new GetProgressReportQuery(previous.Id), ct), Replayed: true);
        }

        if (item is null) throw await Items.PlanItemErrors.NotFoundAsync(db, command.PlanId, command.Ordinal, ct);
        if (item.Plan!.Lifecycle != PlanLifecycle.Published)
            throw new UnprocessableException(
                $"Progress is reported on published plans; this plan is {EnumNames<PlanLifecycle>.ToName(item.Plan.Lifecycle)}.");
        if (!item.Involves(agencyId))
            throw new UnprocessableException(
                $"Agency '{body.ReportingAgencyCode}' neither leads nor co-operates on item {item.Ordinal}.", "reportingAgencyCode");

        var now = clock.GetUtcNow();
        var report = new ProgressReport
        {
            PlanItemId = item.Id,
            ReportingAgencyId = agencyId,
            Status = body.Status,
            PercentComplete = body.PercentComplete ?? DefaultPercent(body.Status, item.PercentComplete),
            Summary = body.Summary.Trim(),
            EvidenceDocumentNumber = body.Evidence?.DocumentNumber?.Trim(),
            EvidenceDocumentDate = body.Evidence?.DocumentDate,
            EvidenceUrl = body.Evidence?.Url?.Trim(),
            PeriodFrom = body.PeriodFrom,
            PeriodTo = body.PeriodTo,
            ReportedAt = now,
            IdempotencyKey = command.IdempotencyKey!,
            RequestHash = hash,
        };
        db.ProgressReports.Add(report);
        item.Apply(report);
        item.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new PostProgressReportResult(await sender.Send(new GetProgressReportQuery(report.Id), ct), Replayed: false);
    }

    private static int DefaultPercent(ItemStatus status, int current) => status switch
    {
        ItemStatus.Completed => 100,
        ItemStatus.NotStarted => 0,
        ItemStatus.InProgress => Math.Min(current, 99),
        _ => current,
    };

    /// <summary>Same item and same body give the same hash, whatever the JSON's spacing or property order.</summary>
    private static string Hash(PostProgressReportCommand command)
    {
        var canonical = JsonSerializer.Serialize(new { command.PlanId, command.Ordinal, command.Body }, HashOptions);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
