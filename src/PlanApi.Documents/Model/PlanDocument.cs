namespace PlanApi.Documents;

/// <summary>A plan document (kế hoạch) as read from a file, before any agency is resolved.</summary>
public sealed record PlanDocument(
    PlanHeader Header,
    IReadOnlyList<LegalBasisEntry> LegalBases,
    string? Preamble,
    IReadOnlyList<LabeledPoint> Purposes,
    IReadOnlyList<LabeledPoint> Requirements,
    IReadOnlyList<PlanItemEntry> Items,
    IReadOnlyList<PlanDutyEntry> Duties,
    IReadOnlyList<string> Recipients,
    PlanSignature? Signature,
    IReadOnlyList<ParseWarning> Warnings,
    PlanDocumentFormat Format)
{
    /// <summary>Every agency name the plan writes (issuer, legal-basis issuers, leads, co-operating and duty agencies), in order, with repeats.</summary>
    public IEnumerable<string> AgencyNames() =>
        new[] { Header.IssuerName }
            .Concat(LegalBases.Select(b => b.IssuerName))
            .Concat(Items.SelectMany(i => new[] { i.LeadName }.Concat(i.CoordinatorNames)))
            .Concat(Duties.SelectMany(d => d.AgencyNames))
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => n!);
}

/// <summary>
/// The heading block: issuer, "Số: 244/KH-UBND", "Cần Thơ, ngày 20 tháng 12 năm 2022", "KẾ HOẠCH" and the title.
/// </summary>
/// <param name="IssuerName">As written ("ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH"), or implied from the symbol and place.</param>
/// <param name="IssuerImplied">True when no issuer lines were written and the name comes from the symbol ("UBND") and the place.</param>
/// <param name="ParentIssuerName">The line above a subordinate issuer ("UBND TỈNH THÁI BÌNH" above "SỞ NỘI VỤ").</param>
/// <param name="Number">Number and symbol without stray spaces: "244/KH-UBND".</param>
/// <param name="DocumentType">The type code: from the symbol ("KH") or from the type line ("KẾ HOẠCH").</param>
/// <param name="IssuerSymbol">The issuer part of the symbol: "UBND" in "244/KH-UBND".</param>
/// <param name="PlanYear">The year the plan is for: the last "năm YYYY" of the title, else the year of issue.</param>
/// <param name="Jurisdiction">Where the issuer governs, as the heading (or the place) says: a central body, or localities.</param>
public sealed record PlanHeader(
    string? IssuerName,
    bool IssuerImplied,
    string? ParentIssuerName,
    string? Number,
    string? DocumentType,
    string? IssuerSymbol,
    string? Place,
    DateOnly? IssuedOn,
    string? Title,
    int? PlanYear,
    IssuerJurisdiction Jurisdiction);

/// <summary>A document the plan rests on ("Căn cứ …", "Thực hiện Nghị quyết số 42/NQ-HĐND …").</summary>
/// <param name="Number">"42/NQ-HĐND"; null for a law cited by name only.</param>
/// <param name="DocumentType">"NQ", "CT", "NĐ", "Luật" …</param>
/// <param name="Title">The subject, usually starting with "về" ("về việc phát động …"); for a law, its name.</param>
/// <param name="Text">The citation as written.</param>
public sealed record LegalBasisEntry(
    string? Number, string? DocumentType, DateOnly? Date, string? IssuerName, string? Title, string Text, DocumentLocation Location);

/// <summary>A lettered or numbered point of the purposes or requirements; Label is "a", "1" or null.</summary>
public sealed record LabeledPoint(string? Label, string Text);

/// <summary>An implementation duty (Tổ chức thực hiện) and the agency names it mentions, in order.</summary>
public sealed record PlanDutyEntry(int Ordinal, string Text, IReadOnlyList<string> AgencyNames, DocumentLocation Location);

/// <summary>"TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Trần Việt Trường".</summary>
/// <param name="AuthorityPrefix">"TM.", "KT.", "TL.", "TUQ." or null.</param>
/// <param name="AuthorityBody">Sentence case: "Ủy ban nhân dân" (for KT./TL. the title signed for, e.g. "Chủ tịch").</param>
/// <param name="Position">Sentence case: "Chủ tịch", "Phó Chủ tịch".</param>
/// <param name="SigningForPrefix">"KT." of a second authority line ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH").</param>
/// <param name="SigningFor">Whom that line signs for: "Chủ tịch".</param>
public sealed record PlanSignature(
    string? AuthorityPrefix, string? AuthorityBody, string? Position, string? Signer, string? SigningForPrefix = null, string? SigningFor = null);

/// <summary>Something the parser accepted but a person should check.</summary>
public sealed record ParseWarning(string Message, DocumentLocation Location)
{
    public override string ToString() => $"{Location}: {Message}";
}
