using System.Globalization;
using PlanApi.Data;
using PlanApi.Documents;
using PlanApi.Domain;

namespace PlanApi.Features.Import;

/// <summary>An agency name of the document that matches no agency of the plan's jurisdiction: committing creates it, unverified.</summary>
/// <param name="Name">The name as written (its first spelling, when the document spells it several ways).</param>
/// <param name="ProvisionalCode">The code it gets on commit, which carries its jurisdiction ("ban-tuyen-giao-tinh-uy-thai-binh", "…-trung-uong");
/// while the jurisdiction is unknown, '?' and a slug of the name, which no agency can have.</param>
/// <param name="ProvisionalName">The name it gets, with its locality ("Sở Nội vụ tỉnh Thái Bình").</param>
/// <param name="JurisdictionCode">The administrative unit it will serve; null for a central body or while the jurisdiction is unknown.</param>
/// <param name="Kind">The kind read from the name.</param>
public sealed record UnresolvedAgency(string Name, string ProvisionalCode, string ProvisionalName, string? JurisdictionCode, AgencyKind Kind);

/// <summary>Something a person should check, and where it is in the document.</summary>
/// <param name="Message">What to check.</param>
/// <param name="Location">"line 42", "table 1, row 7", or "file".</param>
public sealed record ImportWarning(string Message, string Location);

/// <summary>A document read into plan data, with its jurisdiction and the agencies a commit would create.</summary>
internal sealed record ImportedPlan(
    SeedPlan Plan, ImportJurisdiction Jurisdiction, IReadOnlyList<ProvisionalAgency> Provisional, IReadOnlyList<ImportWarning> Warnings, string Format)
{
    public IReadOnlyList<UnresolvedAgency> UnresolvedAgencies =>
        Provisional.Select(p => new UnresolvedAgency(p.WrittenName, p.Code, p.Name, p.JurisdictionCode, p.Kind)).ToList();
}

/// <summary>
/// Turns a parsed plan document into plan data with agency codes: the same code path for the API's preview and
/// commit, the command line and the seed in <c>seeds/</c> (a test holds the seed equal to this output).
/// </summary>
public static class PlanImporter
{
    /// <summary>The plan data of <paramref name="document"/>, its agency names turned into codes by <paramref name="agencyCode"/>.</summary>
    public static (SeedPlan Plan, List<ImportWarning> Warnings) Map(PlanDocument document, Func<string, string> agencyCode, PlanLifecycle lifecycle = PlanLifecycle.Draft)
    {
        var warnings = document.Warnings.Select(w => new ImportWarning(w.Message, w.Location.ToString())).ToList();
        var header = document.Header;
        var issuedOn = IssuedOn(header);
        var number = header.Number ?? throw new PlanDocumentException("The number and symbol (\"Số: 244/KH-UBND\") were not found.", DocumentLocation.File);
        var issuer = header.IssuerName ?? throw new PlanDocumentException("The issuing body was not found.", DocumentLocation.File);
        var year = header.PlanYear ?? issuedOn.Year;

        // Plans grouped by subject have no quarter rows at all: said once for the plan, not once per item.
        var noQuarterRows = document.Items.All(i => i.Quarter is null);
        if (noQuarterRows)
            warnings.Add(new ImportWarning("The plan has no quarter rows (QUÝ I–IV): each item's quarter is the quarter of its deadline, " +
                "quarter 4 when it has none.", "file"));
        var items = document.Items.Select(i => MapItem(i, year, agencyCode, noQuarterRows, warnings)).ToList();
        var plan = new SeedPlan(
            agencyCode(issuer), number, header.DocumentType, header.Place, issuedOn, year,
            header.Title ?? throw new PlanDocumentException("The title line (trích yếu) was not found.", DocumentLocation.File),
            document.Preamble,
            document.LegalBases.Select(b => new LegalBasis(b.Number ?? b.Title ?? b.Text, b.DocumentType, b.Date, b.IssuerName,
                b.IssuerName is null ? null : agencyCode(b.IssuerName), b.Title)).ToList(),
            document.Purposes.Select(p => new LabeledText(p.Label, p.Text)).ToList(),
            document.Requirements.Select(p => new LabeledText(p.Label, p.Text)).ToList(),
            document.Duties.Select(d => new PlanDuty(d.Ordinal, d.Text, d.AgencyNames.Select(agencyCode).Distinct().ToList())).ToList(),
            document.Recipients.ToList(),
            MapSignature(document.Signature, warnings),
            lifecycle,
            items);
        return (plan, warnings);
    }

    /// <summary>The date of issue, which agencies and administrative units are read at.</summary>
    public static DateOnly IssuedOn(PlanHeader header) =>
        header.IssuedOn ?? throw new PlanDocumentException("The date of issue (\"…, ngày … tháng … năm …\") was not found.", DocumentLocation.File);

    private static SeedItem MapItem(PlanItemEntry item, int planYear, Func<string, string> code, bool noQuarterRows, List<ImportWarning> warnings)
    {
        var location = item.Location.ToString();
        // Messages name the task as the document printed it ("II.3"), which a person finds; the ordinal may be renumbered.
        var name = $"Item {item.Label ?? item.Ordinal.ToString(CultureInfo.InvariantCulture)}";
        var due = MapDue(item.Due, planYear);
        var dueEnd = due?.Window(planYear).End;
        var quarter = item.Quarter ?? (dueEnd is { } end && end.Year == planYear && due!.Kind is not (Domain.DueKind.Ongoing or Domain.DueKind.Recurring)
            ? (end.Month - 1) / 3 + 1 : 4);
        if (item.Quarter is null && !noQuarterRows)
            warnings.Add(new ImportWarning($"{name}: no quarter row above it; quarter {quarter} assumed.", location));
        var (writtenLead, named) = Listed(item, name, warnings, location);
        var lead = writtenLead ?? named.FirstOrDefault();
        if (writtenLead is null)
            warnings.Add(new ImportWarning($"{name}: no lead agency (chủ trì) written" +
                (lead is null ? "." : $"; \"{lead}\" assumed."), location));
        var coordinators = named.Where(n => n != lead).Select(code).Distinct().ToList();
        var leadCode = lead is null ? throw new PlanDocumentException($"{name} names no executing agency.", item.Location) : code(lead);
        return new SeedItem(item.Ordinal, quarter, item.Content, leadCode, item.LeadRole, coordinators.Where(c => c != leadCode).ToList(),
            item.AndRelatedAgencies, item.ExecutingUnitsText, due is null ? null : SeedDue.Of(due), item.Due?.Text,
            item.Label == item.Ordinal.ToString(CultureInfo.InvariantCulture) ? null : item.Label,
            item.Group is { } g ? new SeedItemGroup(g.Label, g.Heading) : null);
    }

    /// <summary>
    /// The lead and co-operating names without the collectives that name no set the API can list ("các doanh
    /// nghiệp"): those stay in the executing-units text, with a warning.
    /// </summary>
    private static (string? Lead, List<string> Coordinators) Listed(PlanItemEntry item, string name, List<ImportWarning> warnings, string location)
    {
        var unlisted = item.CollectiveNames.Where(n => CollectiveSets.Recognize(n) is null).ToHashSet(StringComparer.Ordinal);
        foreach (var set in unlisted)
            warnings.Add(new ImportWarning($"{name}: \"{set}\" names no set of agencies that can be listed; it is kept in the executing-units text only.", location));
        return (item.LeadName is { } l && unlisted.Contains(l) ? null : item.LeadName, item.CoordinatorNames.Where(n => !unlisted.Contains(n)).ToList());
    }

    /// <summary>
    /// The deadline a phrase means: a month (or part of one), a day, a window (quarters, halves and years are windows
    /// of months), ongoing or recurring. A phrase the parser did not understand has no deadline (the item is due by
    /// the end of its quarter); the parser has warned at its row, and the phrase as written is kept.
    /// </summary>
    internal static ItemDue? MapDue(DuePhrase? due, int planYear)
    {
        if (due is null) return null;
        var year = due.Year ?? planYear;
        return due.Kind switch
        {
            DuePhraseKind.Month or DuePhraseKind.MonthPart when due.Month is { } month => ItemDue.InMonth(new DuePeriod(year, month, Part(due.Part))),
            DuePhraseKind.Quarter when due.Quarter is { } q =>
                ItemDue.Between(DuePeriod.StartOfQuarter(year, q), DuePeriod.EndOfQuarter(year, q)),
            DuePhraseKind.BeforeDate when due.Date is { } date => ItemDue.OnDate(date),
            DuePhraseKind.HalfYear when due.Half is { } half =>
                ItemDue.Between(DuePeriod.StartOfQuarter(year, half * 2 - 1), DuePeriod.EndOfQuarter(year, half * 2)),
            DuePhraseKind.Year => ItemDue.Between(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)),
            DuePhraseKind.Range when due is { From: { } from, To: { } to } => ItemDue.Between(from, to),
            DuePhraseKind.Ongoing => ItemDue.Ongoing,
            DuePhraseKind.Recurring when due.Every is { } every => ItemDue.Recurring(new DueRecurrence(Frequency(every), due.Month, due.Day)),
            _ => null,
        };
    }

    private static DueFrequency Frequency(Recurrence every) => every switch
    {
        Recurrence.Weekly => DueFrequency.Weekly,
        Recurrence.Monthly => DueFrequency.Monthly,
        Recurrence.Quarterly => DueFrequency.Quarterly,
        Recurrence.HalfYearly => DueFrequency.HalfYearly,
        _ => DueFrequency.Yearly,
    };

    private static Domain.MonthPart Part(DuePhraseMonthPart? part) => part switch
    {
        DuePhraseMonthPart.Early => Domain.MonthPart.Early,
        DuePhraseMonthPart.Mid => Domain.MonthPart.Mid,
        DuePhraseMonthPart.Late => Domain.MonthPart.Late,
        _ => Domain.MonthPart.Whole,
    };

    private static Signature? MapSignature(PlanSignature? signature, List<ImportWarning> warnings)
    {
        if (signature is { Position: { } position, Signer: { } signer })
            return new Signature(signature.AuthorityPrefix, signature.AuthorityBody, position, signer, signature.SigningForPrefix, signature.SigningFor);
        warnings.Add(new ImportWarning("No complete signature block (position and signer) was found.", "file"));
        return null;
    }
}
