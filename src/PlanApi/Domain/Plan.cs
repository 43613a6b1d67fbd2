namespace PlanApi.Domain;

/// <summary>A plan document (kế hoạch), e.g. 244/KH-UBND of Cần Thơ for 2023.</summary>
public sealed class Plan
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid IssuerId { get; set; }
    public Agency? Issuer { get; set; }

    /// <summary>Number and symbol as in Decree 30/2020/NĐ-CP: <c>244/KH-UBND</c>.</summary>
    public required string Number { get; set; }
    public string DocumentType { get; set; } = "KH";
    public string? Place { get; set; }
    public DateOnly IssuedOn { get; set; }

    /// <summary>Document numbers restart each calendar year, so a number is unique per issuer and issue year.</summary>
    public int IssuedYear { get; private set; }

    /// <summary>The year the plan is for (2023), usually the year after it is issued.</summary>
    public int Year { get; set; }
    public required string Title { get; set; }
    public string? Preamble { get; set; }
    public List<LegalBasis> LegalBases { get; set; } = [];
    public List<LabeledText> Purposes { get; set; } = [];
    public List<LabeledText> Requirements { get; set; } = [];
    public List<PlanDuty> Duties { get; set; } = [];
    public List<string> Recipients { get; set; } = [];
    public Signature? Signature { get; set; }
    public PlanLifecycle Lifecycle { get; set; } = PlanLifecycle.Draft;
    public List<PlanItem> Items { get; set; } = [];
    public string SearchKey { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; private set; }

    public void Refresh()
    {
        IssuedYear = IssuedOn.Year;
        SearchKey = SearchText.Fold($"{Number} {Title}");
    }
}

/// <summary>A document the plan rests on (căn cứ / thực hiện): number, date, issuer and title.</summary>
public sealed record LegalBasis(string Number, string? DocumentType, DateOnly? Date, string? IssuerName, string? IssuerCode, string? Title);

/// <summary>A lettered or numbered point (purposes a, b, c; requirements).</summary>
public sealed record LabeledText(string? Label, string Text);

/// <summary>An implementation duty (section III, Tổ chức thực hiện) and the agencies it names.</summary>
public sealed record PlanDuty(int Ordinal, string Text, List<string> AgencyCodes);

/// <summary>The signature block: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Trần Việt Trường".</summary>
/// <param name="AuthorityPrefix">"TM." (on behalf of a collective body), "KT.", "TL.", "TUQ." or none.</param>
/// <param name="AuthorityBody">What the prefix acts for: "Ủy ban nhân dân"; for a lone "KT. CHỦ TỊCH", "Chủ tịch".</param>
/// <param name="Position">The signer's own position: "Phó Chủ tịch".</param>
/// <param name="SigningForPrefix">The second line of "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": "KT." (signing in place of).</param>
/// <param name="SigningFor">Whom that line signs for: "Chủ tịch".</param>
public sealed record Signature(
    string? AuthorityPrefix, string? AuthorityBody, string Position, string Signer, string? SigningForPrefix = null, string? SigningFor = null);
