using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Plans;

/// <summary>The writable fields of a plan.</summary>
/// <param name="IssuerCode">Code of the issuing agency.</param>
/// <param name="Number">Number and symbol, e.g. "244/KH-UBND"; unique per issuer and year of issue.</param>
/// <param name="DocumentType">Document type code; defaults to KH.</param>
/// <param name="Place">Place of issue.</param>
/// <param name="IssuedOn">Date of issue.</param>
/// <param name="Year">The year the plan is for (2000–2100).</param>
/// <param name="Title">The title line (trích yếu).</param>
/// <param name="Preamble">The sentence that introduces the contents.</param>
/// <param name="LegalBases">Documents the plan rests on.</param>
/// <param name="Purposes">Lettered purposes.</param>
/// <param name="Requirements">Requirements.</param>
/// <param name="Duties">Implementation duties; agencyCodes must name existing agencies.</param>
/// <param name="Recipients">Recipients list as written.</param>
/// <param name="Signature">Signature block.</param>
/// <param name="Lifecycle">draft (default), published or closed. A published plan cannot return to draft.</param>
public record PlanFields(
    string IssuerCode,
    string Number,
    string? DocumentType,
    string? Place,
    DateOnly IssuedOn,
    int Year,
    string Title,
    string? Preamble,
    IReadOnlyList<LegalBasis>? LegalBases,
    IReadOnlyList<LabeledText>? Purposes,
    IReadOnlyList<LabeledText>? Requirements,
    IReadOnlyList<PlanDuty>? Duties,
    IReadOnlyList<string>? Recipients,
    Signature? Signature,
    PlanLifecycle? Lifecycle);

internal sealed class PlanFieldsValidator : AbstractValidator<PlanFields>
{
    public PlanFieldsValidator()
    {
        RuleFor(p => p.IssuerCode).NotEmpty().MaximumLength(Limits.Code).Clean();
        RuleFor(p => p.Number).NotEmpty().MaximumLength(Limits.Number).Clean()
            .Must(n => n is null || n.Contains('/')).WithMessage("Write the number with its symbol, e.g. '244/KH-UBND'.");
        RuleFor(p => p.DocumentType).MaximumLength(16).Clean();
        RuleFor(p => p.Place).MaximumLength(Limits.Name).Clean();
        RuleFor(p => p.IssuedOn).InclusiveBetween(new DateOnly(1945, 9, 2), new DateOnly(PlanYears.Last, 12, 31));
        RuleFor(p => p.Year).InclusiveBetween(PlanYears.First, PlanYears.Last);
        RuleFor(p => p.Title).NotEmpty().MaximumLength(Limits.Name).Clean();
        RuleFor(p => p.Preamble).MaximumLength(Limits.Text).Clean();
        RuleFor(p => p.Lifecycle).IsInEnum();
        ListRule(RuleFor(p => p.LegalBases));
        ListRule(RuleFor(p => p.Purposes));
        ListRule(RuleFor(p => p.Requirements));
        ListRule(RuleFor(p => p.Duties));
        ListRule(RuleFor(p => p.Recipients));
        RuleForEach(p => p.LegalBases).NotNull();
        RuleForEach(p => p.Purposes).NotNull();
        RuleForEach(p => p.Requirements).NotNull();
        RuleForEach(p => p.Duties).NotNull();
        RuleForEach(p => p.LegalBases).ChildRules(b =>
        {
            b.RuleFor(x => x.Number).NotEmpty().MaximumLength(Limits.Number).Clean();
            b.RuleFor(x => x.DocumentType).MaximumLength(16).Clean();
            b.RuleFor(x => x.IssuerName).MaximumLength(Limits.Name).Clean();
            b.RuleFor(x => x.IssuerCode).MaximumLength(Limits.Code).Clean();
            b.RuleFor(x => x.Title).MaximumLength(Limits.Text).Clean();
        });
        RuleForEach(p => p.Purposes).SetValidator(new LabeledTextValidator());
        RuleForEach(p => p.Requirements).SetValidator(new LabeledTextValidator());
        RuleForEach(p => p.Duties).ChildRules(d =>
        {
            d.RuleFor(x => x.Ordinal).InclusiveBetween(1, 1000);
            d.RuleFor(x => x.Text).NotEmpty().MaximumLength(Limits.Text).Clean();
            d.RuleFor(x => x.AgencyCodes).Must(c => c is null || c.Count <= 100).WithMessage("At most 100 agencies.");
            d.RuleForEach(x => x.AgencyCodes).NotEmpty().MaximumLength(Limits.Code).Clean();
        });
        RuleForEach(p => p.Recipients).NotEmpty().MaximumLength(Limits.Name).Clean();
        When(p => p.Signature is not null, () =>
        {
            RuleFor(p => p.Signature!.Position).NotEmpty().MaximumLength(Limits.Name).Clean().OverridePropertyName("signature.position");
            RuleFor(p => p.Signature!.Signer).NotEmpty().MaximumLength(Limits.Name).Clean().OverridePropertyName("signature.signer");
            RuleFor(p => p.Signature!.AuthorityPrefix)
                .Must(a => a is null or "TM." or "KT." or "TL." or "TUQ.")
                .WithMessage("One of TM., KT., TL., TUQ.").OverridePropertyName("signature.authorityPrefix");
            RuleFor(p => p.Signature!.AuthorityBody).MaximumLength(Limits.Name).Clean().OverridePropertyName("signature.authorityBody");
            RuleFor(p => p.Signature!.SigningForPrefix)
                .Must(a => a is null or "KT." or "TL." or "TUQ.")
                .WithMessage("One of KT., TL., TUQ.").OverridePropertyName("signature.signingForPrefix");
            RuleFor(p => p.Signature!.SigningFor).MaximumLength(Limits.Name).Clean().OverridePropertyName("signature.signingFor");
        });
    }

    private static void ListRule<T>(IRuleBuilderInitial<PlanFields, IReadOnlyList<T>?> rule) =>
        rule.Must(l => l is null || l.Count <= Limits.ListEntries).WithMessage($"At most {Limits.ListEntries} entries.");

    private sealed class LabeledTextValidator : AbstractValidator<LabeledText>
    {
        public LabeledTextValidator()
        {
            RuleFor(x => x.Label).MaximumLength(16).Clean();
            RuleFor(x => x.Text).NotEmpty().MaximumLength(Limits.Text).Clean();
        }
    }
}

internal static class PlanWrites
{
    public static async Task<Guid> ResolveIssuerAsync(PlanDbContext db, PlanFields fields, CancellationToken ct)
    {
        var issuer = await db.Agencies.Where(a => a.Code == fields.IssuerCode).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct)
            ?? throw new UnprocessableException($"Agency '{fields.IssuerCode}' does not exist.", "issuerCode");
        var named = (fields.Duties ?? []).SelectMany(d => d.AgencyCodes ?? []).Distinct().ToList();
        if (named.Count > 0)
        {
            var known = await db.Agencies.Where(a => named.Contains(a.Code)).Select(a => a.Code).ToListAsync(ct);
            var missing = named.Except(known).ToList();
            if (missing.Count > 0) throw new UnprocessableException($"Unknown agencies: {string.Join(", ", missing)}.", "duties");
        }
        return issuer;
    }

    public static async Task EnsureUniqueNumberAsync(PlanDbContext db, Guid issuerId, string number, int issuedYear, Guid? self, CancellationToken ct)
    {
        if (await db.Plans.AnyAsync(p => p.IssuerId == issuerId && p.Number == number && p.IssuedYear == issuedYear && p.Id != self, ct))
            throw new ConflictException($"Plan {number} of {issuedYear} already exists for this issuer.");
    }

    public static void Apply(Plan plan, PlanFields fields, Guid issuerId, DateTimeOffset now)
    {
        plan.IssuerId = issuerId;
        plan.Number = NormalizeNumber(fields.Number);
        plan.DocumentType = string.IsNullOrWhiteSpace(fields.DocumentType) ? "KH" : fields.DocumentType.Trim();
        plan.Place = fields.Place?.Trim();
        plan.IssuedOn = fields.IssuedOn;
        plan.Year = fields.Year;
        plan.Title = fields.Title.Trim();
        plan.Preamble = fields.Preamble?.Trim();
        plan.LegalBases = [.. fields.LegalBases ?? []];
        plan.Purposes = [.. fields.Purposes ?? []];
        plan.Requirements = [.. fields.Requirements ?? []];
        plan.Duties = [.. (fields.Duties ?? []).Select(d => d with { AgencyCodes = d.AgencyCodes ?? [] })];
        plan.Recipients = [.. fields.Recipients ?? []];
        plan.Signature = fields.Signature;
        plan.UpdatedAt = now;
        plan.Refresh();
    }

    /// <summary>"244 /KH-UBND" and "244/KH-UBND" are the same number.</summary>
    public static string NormalizeNumber(string number) => string.Concat(number.Where(c => !char.IsWhiteSpace(c)));
}
