using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Items;

/// <summary>The writable fields of a plan item.</summary>
/// <param name="Quarter">Quarter group 1–4 (QUÝ I–IV).</param>
/// <param name="Content">The task as written.</param>
/// <param name="LeadAgencyCode">Code of the agency that leads (chủ trì).</param>
/// <param name="LeadRole">Role written after the lead agency, e.g. "Cơ quan Thường trực Hội đồng TĐKT".</param>
/// <param name="CoordinatingAgencyCodes">Codes of the agencies that co-operate (phối hợp), in order.</param>
/// <param name="AndRelatedAgencies">"và các cơ quan liên quan": open-ended co-operation.</param>
/// <param name="ExecutingUnitsText">The Đơn vị thực hiện cell as written.</param>
/// <param name="Due">The deadline; omit when the document gives none (the item is then due by the end of its quarter).</param>
/// <param name="DueText">The due phrase as written, e.g. "đầu tháng 02 /2023" or "thường xuyên" (kept even without a deadline).</param>
/// <param name="Label">The number as printed ("II.3"), when it is not the ordinal. Omitted on an update, the item keeps its label.</param>
/// <param name="Group">The group row the item stands under ("II" / "Công tác khen thưởng"). Omitted on an update, the item keeps its group.</param>
public record PlanItemFields(
    int Quarter,
    string Content,
    string LeadAgencyCode,
    string? LeadRole,
    IReadOnlyList<string>? CoordinatingAgencyCodes,
    bool AndRelatedAgencies,
    string? ExecutingUnitsText,
    DuePeriodInput? Due,
    string? DueText,
    string? Label = null,
    ItemGroupInput? Group = null);

/// <summary>A group of items as written in a request.</summary>
/// <param name="Label">"II", "B"; omit for an unmarked heading.</param>
/// <param name="Title">The heading, e.g. "Công tác khen thưởng".</param>
public sealed record ItemGroupInput(string? Label, string Title);

internal sealed class PlanItemFieldsValidator : AbstractValidator<PlanItemFields>
{
    public PlanItemFieldsValidator()
    {
        RuleFor(i => i.Quarter).InclusiveBetween(1, 4);
        RuleFor(i => i.Content).NotEmpty().MaximumLength(Limits.Text).Clean();
        RuleFor(i => i.LeadAgencyCode).NotEmpty().MaximumLength(Limits.Code).Clean();
        RuleFor(i => i.LeadRole).MaximumLength(Limits.Name).Clean();
        RuleFor(i => i.ExecutingUnitsText).MaximumLength(Limits.Text).Clean();
        RuleFor(i => i.DueText).MaximumLength(Limits.Name).Clean();
        RuleFor(i => i.CoordinatingAgencyCodes)
            .Must(c => c is null || c.Count <= 100).WithMessage("At most 100 coordinating agencies.")
            .Must(c => c is null || c.Distinct().Count() == c.Count).WithMessage("Each coordinating agency may appear once.");
        RuleForEach(i => i.CoordinatingAgencyCodes).NotEmpty().MaximumLength(Limits.Code).Clean();
        RuleFor(i => i).Must(i => i.CoordinatingAgencyCodes is null || !i.CoordinatingAgencyCodes.Contains(i.LeadAgencyCode))
            .WithName("coordinatingAgencyCodes").WithMessage("The lead agency cannot also be a coordinating agency.");
        RuleFor(i => i.Label).MaximumLength(Limits.Label).Clean();
        When(i => i.Group is not null, () =>
        {
            RuleFor(i => i.Group!.Title).NotEmpty().MaximumLength(Limits.Name).Clean().OverridePropertyName("group.title");
            RuleFor(i => i.Group!.Label).MaximumLength(Limits.Label).Clean().OverridePropertyName("group.label");
        });
        RuleFor(i => i.Due!).SetValidator(new DuePeriodInputValidator()).When(i => i.Due is not null);
    }
}

internal static class PlanItemWrites
{
    /// <summary>Resolves the lead and coordinating agencies, or names the unknown codes in a 422.</summary>
    public static async Task<(Guid Lead, List<Guid> Coordinators)> ResolveAgenciesAsync(
        PlanDbContext db, PlanItemFields fields, CancellationToken ct)
    {
        var codes = (fields.CoordinatingAgencyCodes ?? []).Append(fields.LeadAgencyCode).Distinct().ToList();
        var ids = await db.Agencies.Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        if (!ids.TryGetValue(fields.LeadAgencyCode, out var lead))
            throw new UnprocessableException($"Agency '{fields.LeadAgencyCode}' does not exist.", "leadAgencyCode");
        var missing = (fields.CoordinatingAgencyCodes ?? []).Where(c => !ids.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw new UnprocessableException($"Unknown agencies: {string.Join(", ", missing)}.", "coordinatingAgencyCodes");
        return (lead, (fields.CoordinatingAgencyCodes ?? []).Select(c => ids[c]).ToList());
    }

    /// <param name="reports">The item's reports so far, which a recurring deadline's occurrences are checked against.</param>
    public static void Apply(PlanItem item, PlanItemFields fields, int planYear, Guid lead, List<Guid> coordinators, DateTimeOffset now,
        IEnumerable<ReportSpan>? reports = null)
    {
        item.Content = fields.Content.Trim();
        item.LeadAgencyId = lead;
        item.LeadRole = Blank(fields.LeadRole);
        item.AndRelatedAgencies = fields.AndRelatedAgencies;
        item.ExecutingUnitsText = Blank(fields.ExecutingUnitsText);
        // A v1 body knows no label or group: leaving them out keeps what the item has.
        if (fields.Label is not null) item.Label = Blank(fields.Label);
        if (fields.Group is { } group) (item.GroupLabel, item.GroupTitle) = (Blank(group.Label), group.Title.Trim());
        item.Schedule(planYear, fields.Quarter, fields.Due?.ToDue(), Blank(fields.DueText), reports);
        item.Coordinators.RemoveAll(c => !coordinators.Contains(c.AgencyId));
        for (var position = 0; position < coordinators.Count; position++)
        {
            var existing = item.Coordinators.Find(c => c.AgencyId == coordinators[position]);
            if (existing is not null) existing.Position = position;
            else item.Coordinators.Add(new PlanItemCoordinator { AgencyId = coordinators[position], Position = position });
        }
        item.UpdatedAt = now;
        item.RefreshSearchKey();
    }

    /// <summary>
    /// A plan's item count changed: its updatedAt (Last-Modified) moves. A direct update, so that it never conflicts
    /// with a concurrent edit of the plan's own fields (which If-Match guards).
    /// </summary>
    /// <summary>What the item's reports are about, for a recurring deadline's occurrences.</summary>
    public static async Task<List<ReportSpan>> ReportSpansAsync(PlanDbContext db, Guid itemId, CancellationToken ct) =>
        (await db.ProgressReports.Where(r => r.PlanItemId == itemId).Select(r => new { r.PeriodFrom, r.PeriodTo, r.ReportedAt }).ToListAsync(ct))
        .Select(r => new ReportSpan(r.PeriodFrom, r.PeriodTo, PlanCalendar.DayOf(r.ReportedAt))).ToList();

    public static Task TouchPlanAsync(PlanDbContext db, Guid planId, DateTimeOffset now, CancellationToken ct) =>
        db.Plans.Where(p => p.Id == planId).ExecuteUpdateAsync(s => s.SetProperty(p => p.UpdatedAt, now), ct);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
