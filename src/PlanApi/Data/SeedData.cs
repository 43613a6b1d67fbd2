using PlanApi.Domain;

namespace PlanApi.Data;

/// <summary>The shapes of the JSON files in <c>seeds/</c>.</summary>
public sealed record SeedAgency(string Code, string Name, string? ShortName, List<string>? Aliases, AgencyKind Kind, string? ParentCode);

public sealed record SeedGrouping(
    string Code, GroupingKind Kind, string Name, int Year, string? Description, List<string> MemberCodes, string? HeadCode, string? DeputyCode);

public sealed record SeedDue(int Year, int Month, MonthPart Part);

public sealed record SeedItem(
    int Ordinal, int Quarter, string Content, string LeadCode, string? LeadRole, List<string>? CoordinatorCodes,
    bool AndRelatedAgencies, string? ExecutingUnitsText, SeedDue? Due, string? DueText);

public sealed record SeedPlan(
    string IssuerCode, string Number, string? DocumentType, string? Place, DateOnly IssuedOn, int Year, string Title,
    string? Preamble, List<LegalBasis>? LegalBases, List<LabeledText>? Purposes, List<LabeledText>? Requirements,
    List<PlanDuty>? Duties, List<string>? Recipients, Signature? Signature, PlanLifecycle Lifecycle, List<SeedItem> Items);
