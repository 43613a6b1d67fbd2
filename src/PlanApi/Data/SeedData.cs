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

public sealed record SeedDue(int Year, int Month, MonthPart Part);

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
