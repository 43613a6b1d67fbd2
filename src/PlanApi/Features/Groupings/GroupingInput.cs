using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Groupings;

/// <summary>The writable fields of a grouping: its members and the year's roles.</summary>
/// <param name="Kind">cum or khoi.</param>
/// <param name="Name">Name of the cụm or khối.</param>
/// <param name="Year">Emulation year (2000–2100).</param>
/// <param name="Description">Free text.</param>
/// <param name="MemberCodes">Codes of the member agencies, in order.</param>
/// <param name="HeadCode">Code of the head (Trưởng); must be a member.</param>
/// <param name="DeputyCode">Code of the deputy (Phó); must be a member other than the head.</param>
public record GroupingFields(
    GroupingKind? Kind, string Name, int Year, string? Description, IReadOnlyList<string>? MemberCodes, string? HeadCode, string? DeputyCode);

internal sealed class GroupingFieldsValidator : AbstractValidator<GroupingFields>
{
    public GroupingFieldsValidator()
    {
        RuleFor(g => g.Kind).NotNull().IsInEnum();
        RuleFor(g => g.Name).NotEmpty().MaximumLength(Limits.Name).Clean();
        RuleFor(g => g.Year).InclusiveBetween(PlanYears.First, PlanYears.Last);
        RuleFor(g => g.Description).MaximumLength(Limits.Text).Clean();
        RuleFor(g => g.MemberCodes)
            .Must(m => m is null || m.Count <= 500).WithMessage("At most 500 members.")
            .Must(m => m is null || m.Distinct().Count() == m.Count).WithMessage("Each member may appear once.");
        RuleForEach(g => g.MemberCodes).NotEmpty().MaximumLength(Limits.Code).Clean();
        RuleFor(g => g.HeadCode).MaximumLength(Limits.Code).Clean();
        RuleFor(g => g.DeputyCode).MaximumLength(Limits.Code).Clean();
        RuleFor(g => g.HeadCode).Must((g, head) => head is null || (g.MemberCodes ?? []).Contains(head))
            .WithMessage("The head must be one of the members.");
        RuleFor(g => g.DeputyCode).Must((g, deputy) => deputy is null || (g.MemberCodes ?? []).Contains(deputy))
            .WithMessage("The deputy must be one of the members.")
            .Must((g, deputy) => deputy is null || deputy != g.HeadCode).WithMessage("The deputy cannot also be the head.");
    }
}

internal static class GroupingWrites
{
    public static async Task ApplyAsync(PlanDbContext db, Grouping grouping, GroupingFields fields, DateTimeOffset now, CancellationToken ct)
    {
        var codes = (fields.MemberCodes ?? []).ToList();
        var ids = await db.Agencies.Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        var missing = codes.Where(c => !ids.ContainsKey(c)).ToList();
        if (missing.Count > 0) throw new UnprocessableException($"Unknown agencies: {string.Join(", ", missing)}.", "memberCodes");
        grouping.Kind = fields.Kind!.Value;
        grouping.Name = fields.Name.Trim();
        grouping.Year = fields.Year;
        grouping.Description = string.IsNullOrWhiteSpace(fields.Description) ? null : fields.Description.Trim();
        grouping.HeadAgencyId = fields.HeadCode is null ? null : ids[fields.HeadCode];
        grouping.DeputyAgencyId = fields.DeputyCode is null ? null : ids[fields.DeputyCode];
        var memberIds = codes.Select(c => ids[c]).ToList();
        grouping.Members.RemoveAll(m => !memberIds.Contains(m.AgencyId));
        for (var position = 0; position < memberIds.Count; position++)
        {
            var existing = grouping.Members.Find(m => m.AgencyId == memberIds[position]);
            if (existing is not null) existing.Position = position;
            else grouping.Members.Add(new GroupingMember { GroupingId = grouping.Id, AgencyId = memberIds[position], Position = position });
        }
        grouping.UpdatedAt = now;
    }
}
