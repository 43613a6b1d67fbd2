using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Agencies;

/// <summary>The writable fields of an agency.</summary>
/// <param name="Name">Full official name, e.g. "Sở Giáo dục và Đào tạo thành phố Cần Thơ".</param>
/// <param name="ShortName">Usual short name, e.g. "Sở GD&amp;ĐT".</param>
/// <param name="Aliases">Other names used in documents; used to match names when importing.</param>
/// <param name="Kind">What kind of body it is.</param>
/// <param name="ParentCode">Code of the agency it belongs to, if any.</param>
public record AgencyFields(string Name, string? ShortName, IReadOnlyList<string>? Aliases, AgencyKind? Kind, string? ParentCode);

internal sealed class AgencyFieldsValidator : AbstractValidator<AgencyFields>
{
    public AgencyFieldsValidator()
    {
        RuleFor(a => a.Name).NotEmpty().MaximumLength(Limits.Name).Clean();
        RuleFor(a => a.ShortName).MaximumLength(Limits.Name).Clean();
        RuleFor(a => a.Kind).NotNull().IsInEnum();
        RuleFor(a => a.Aliases).Must(a => a is null || a.Count <= Limits.Aliases)
            .WithMessage($"At most {Limits.Aliases} aliases.");
        RuleForEach(a => a.Aliases).NotEmpty().MaximumLength(Limits.Name).Clean();
        RuleFor(a => a.ParentCode).MaximumLength(Limits.Code).Clean();
    }
}

internal static class AgencyWrites
{
    public static async Task<Guid?> ResolveParentAsync(PlanDbContext db, string? parentCode, string? selfCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(parentCode)) return null;
        if (parentCode == selfCode) throw new UnprocessableException("An agency cannot be its own parent.", "parentCode");
        var parent = await db.Agencies.Where(a => a.Code == parentCode).Select(a => new { a.Id }).SingleOrDefaultAsync(ct)
            ?? throw new UnprocessableException($"Parent agency '{parentCode}' does not exist.", "parentCode");
        return parent.Id;
    }

    public static void Apply(Agency agency, AgencyFields fields, Guid? parentId, DateTimeOffset now)
    {
        agency.Name = fields.Name.Trim();
        agency.ShortName = string.IsNullOrWhiteSpace(fields.ShortName) ? null : fields.ShortName.Trim();
        agency.Aliases = (fields.Aliases ?? []).Select(a => a.Trim())
            .Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        agency.Kind = fields.Kind!.Value;
        agency.ParentId = parentId;
        agency.Verified = true;
        agency.UpdatedAt = now;
        agency.RefreshSearchKey();
    }
}
