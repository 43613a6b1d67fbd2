using PlanApi.Domain;

namespace PlanApi.Data;

/// <summary>The shapes of the JSON files in <c>seeds/</c>.</summary>
/// <param name="JurisdictionCode">The administrative unit it serves; null for central bodies.</param>
/// <param name="ValidUntil">Its last day, when it has ended.</param>
/// <param name="Successors">Who took over its work the day after <paramref name="ValidUntil"/>.</param>
/// <param name="SuccessorsByJurisdiction">
/// Its successors are the People's Committees of the units its jurisdiction went to (a district's, the new communes').
/// </param>
public sealed record SeedAgency(
    string Code, string Name, string? ShortName, List<string>? Aliases, AgencyKind Kind, string? ParentCode,
    string? JurisdictionCode = null, DateOnly? ValidFrom = null, DateOnly? ValidUntil = null, string? IdentifierCode = null,
    List<SeedSuccessor>? Successors = null, bool SuccessorsByJurisdiction = false);

public sealed record SeedSuccessor(string Code, SuccessionKind Kind);

/// <summary>Generate the People's Committee of every unit of <paramref name="Level"/> in a province, valid at a date.</summary>
public sealed record SeedPeoplesCommittees(string ProvinceCode, UnitLevel Level, DateOnly AsOf);

public sealed record SeedGrouping(
    string Code, GroupingKind Kind, string Name, int Year, string? Description, List<string> MemberCodes, string? HeadCode, string? DeputyCode);

/// <summary>A deadline in plan data, in the fields of the API's <c>due</c>: a month when <paramref name="Kind"/> is left out.</summary>
public sealed record SeedDue(
    int? Year = null, int? Month = null, MonthPart? Part = null, DueKind? Kind = null, DateOnly? Date = null,
    DateOnly? Start = null, DateOnly? End = null, DueRecurrence? Recurrence = null)
{
    public static SeedDue Of(ItemDue due) => due.Kind switch
    {
        DueKind.Month => new SeedDue(due.Period!.Year, due.Period.Month, due.Period.Part),
        DueKind.Date => new SeedDue(Kind: DueKind.Date, Date: due.From),
        DueKind.Range => new SeedDue(Kind: DueKind.Range, Start: due.From, End: due.To),
        DueKind.Recurring => new SeedDue(Kind: DueKind.Recurring, Recurrence: due.Every),
        _ => new SeedDue(Kind: due.Kind),
    };

    /// <summary>The deadline; the fields are those of its kind (checked by the API's validator, or by the importer).</summary>
    public ItemDue ToDue() => (Kind ?? DueKind.Month) switch
    {
        DueKind.Month => ItemDue.InMonth(new DuePeriod(Year!.Value, Month!.Value, Part ?? MonthPart.Whole)),
        DueKind.Date => ItemDue.OnDate(Date!.Value),
        DueKind.Range => ItemDue.Between(Start!.Value, End!.Value),
        DueKind.Recurring => ItemDue.Recurring(Recurrence!),
        _ => ItemDue.Ongoing,
    };
}

/// <param name="Label">The number as printed when it is not the ordinal ("II.3", "1.2"); null when it is.</param>
/// <param name="Group">The group row the item stands under ("II. CÔNG TÁC KHEN THƯỞNG"), other than a quarter.</param>
public sealed record SeedItem(
    int Ordinal, int Quarter, string Content, string LeadCode, string? LeadRole, List<string>? CoordinatorCodes,
    bool AndRelatedAgencies, string? ExecutingUnitsText, SeedDue? Due, string? DueText,
    string? Label = null, SeedItemGroup? Group = null);

/// <summary>A group of items: "II" and "Công tác khen thưởng"; an unmarked heading has no label.</summary>
public sealed record SeedItemGroup(string? Label, string Title);

public sealed record SeedPlan(
    string IssuerCode, string Number, string? DocumentType, string? Place, DateOnly IssuedOn, int Year, string Title,
    string? Preamble, List<LegalBasis>? LegalBases, List<LabeledText>? Purposes, List<LabeledText>? Requirements,
    List<PlanDuty>? Duties, List<string>? Recipients, Signature? Signature, PlanLifecycle Lifecycle, List<SeedItem> Items);
