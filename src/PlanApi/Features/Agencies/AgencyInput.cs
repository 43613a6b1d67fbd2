using FluentValidation;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Agencies;

/// <summary>The writable fields of an agency. A PUT replaces all of them: send back what a GET showed, changed.</summary>
/// <param name="Name">Full official name, e.g. "Sở Giáo dục và Đào tạo thành phố Cần Thơ". A new name keeps the old one among <c>formerNames</c>.</param>
/// <param name="ShortName">Usual short name, e.g. "Sở GD&amp;ĐT".</param>
/// <param name="Aliases">Other names used in documents; used to match names when importing.</param>
/// <param name="Kind">What kind of body it is.</param>
/// <param name="ParentCode">Code of the agency it belongs to, if any.</param>
/// <param name="JurisdictionCode">The administrative unit it serves (2, 3 or 5 digits); omit for central bodies. A unit with this code must exist while the agency does.</param>
/// <param name="ValidFrom">First day it exists; omit when it existed before.</param>
/// <param name="ValidUntil">Last day it exists; omit while it does. Required when naming successors.</param>
/// <param name="IdentifierCode">National agency identifier (mã định danh), e.g. "000.00.00.H13"; unique.</param>
/// <param name="FormerNames">Names it had before; search and the importer find it by them.</param>
/// <param name="Successors">The agencies that take over its open work the day after <c>validUntil</c>; each must exist on that day.</param>
/// <param name="CollectiveScope">Required for kind collective (and only then): which agencies of the jurisdiction the set names.</param>
public record AgencyFields(
    string Name, string? ShortName, IReadOnlyList<string>? Aliases, AgencyKind? Kind, string? ParentCode,
    string? JurisdictionCode = null, DateOnly? ValidFrom = null, DateOnly? ValidUntil = null, string? IdentifierCode = null,
    IReadOnlyList<string>? FormerNames = null, IReadOnlyList<AgencySuccessorInput>? Successors = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    CollectiveScope? CollectiveScope = null);

/// <summary>An agency that takes over another's work.</summary>
/// <param name="Code">The successor's code.</param>
/// <param name="Kind">merged_into (joined with others into it), split_among (one of several), renamed (the same body under a new name) or continued.</param>
public sealed record AgencySuccessorInput(string Code, SuccessionKind Kind);

internal sealed partial class AgencyFieldsValidator : AbstractValidator<AgencyFields>
{
    public AgencyFieldsValidator()
    {
        RuleFor(a => a.Name).NotEmpty().MaximumLength(Limits.Name).Clean();
        RuleFor(a => a.ShortName).MaximumLength(Limits.Name).Clean();
        RuleFor(a => a.Kind).NotNull().IsInEnum();
        RuleFor(a => a.CollectiveScope).NotNull().IsInEnum().When(a => a.Kind == AgencyKind.Collective)
            .WithMessage("A collective names which agencies of its jurisdiction it holds: departments, district_committees, commune_committees or local_bodies.");
        RuleFor(a => a.CollectiveScope).Null().When(a => a.Kind != AgencyKind.Collective)
            .WithMessage("Only a collective (kind collective) has a scope.");
        RuleFor(a => a.JurisdictionCode).NotNull().When(a => a.Kind == AgencyKind.Collective)
            .WithMessage("A collective is a set of agencies of one jurisdiction: name it.");
        RuleFor(a => a.Aliases).Must(a => a is null || a.Count <= Limits.Aliases)
            .WithMessage($"At most {Limits.Aliases} aliases.");
        RuleForEach(a => a.Aliases).NotEmpty().MaximumLength(Limits.Name).Clean();
        RuleFor(a => a.FormerNames).Must(a => a is null || a.Count <= Limits.Aliases)
            .WithMessage($"At most {Limits.Aliases} former names.");
        RuleForEach(a => a.FormerNames).NotEmpty().MaximumLength(Limits.Name).Clean();
        RuleFor(a => a.ParentCode).MaximumLength(Limits.Code).Clean();
        RuleFor(a => a.JurisdictionCode).Must(c => c is null || UnitCodes.IsValid(c))
            .WithMessage("An administrative unit code of 2, 3 or 5 digits (\"92\", \"916\", \"31135\").");
        RuleFor(a => a.IdentifierCode).Matches(IdentifierPattern())
            .WithMessage("A national agency identifier such as \"000.00.00.H13\" (QCVN 102:2016/BTTTT).");
        RuleFor(a => a.ValidUntil).GreaterThanOrEqualTo(a => a.ValidFrom).When(a => a.ValidFrom is not null && a.ValidUntil is not null)
            .WithMessage("validUntil is before validFrom.");
        RuleFor(a => a.ValidUntil).NotNull().When(a => a.Successors is { Count: > 0 })
            .WithMessage("Say when the agency ended (validUntil): its successors take over the day after.");
        RuleFor(a => a.Successors).Must(s => s is null || s.Count <= Limits.ListEntries)
            .WithMessage($"At most {Limits.ListEntries} successors.");
        RuleForEach(a => a.Successors).NotNull().WithMessage("A successor: its code and the kind of succession.")
            .SetValidator(new AgencySuccessorInputValidator());
        RuleFor(a => a.ValidFrom).InclusiveBetween(EarliestDay, LatestDay);
        RuleFor(a => a.ValidUntil).InclusiveBetween(EarliestDay, LatestDay);
    }

    /// <summary>Validity is recorded from the founding of the state to the end of the century (a day later must exist).</summary>
    private static readonly DateOnly EarliestDay = Validity.Earliest;
    private static readonly DateOnly LatestDay = new(PlanYears.Last, 12, 30);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2}$")]
    private static partial System.Text.RegularExpressions.Regex IdentifierPattern();
}

internal sealed class AgencySuccessorInputValidator : AbstractValidator<AgencySuccessorInput>
{
    public AgencySuccessorInputValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(Limits.Code).Clean();
        RuleFor(x => x.Kind).IsInEnum();
    }
}
