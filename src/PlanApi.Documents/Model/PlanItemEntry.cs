namespace PlanApi.Documents;

/// <summary>One task of the plan's table (a row with an ordinal, plus any continuation rows).</summary>
/// <param name="Ordinal">The TT number; renumbered 1..n in order when the written numbers are not unique integers.</param>
/// <param name="OrdinalText">The TT cell as written ("30", "1.2", "a").</param>
/// <param name="Quarter">1–4 from the QUÝ row above the item, or null.</param>
/// <param name="Group">The nearest group row above that is not a quarter ("I. CÔNG TÁC TUYÊN TRUYỀN").</param>
/// <param name="Content">Tags stripped, whitespace collapsed, a due parenthesis removed.</param>
/// <param name="LeadName">The agency that leads (chủ trì), without its role parenthesis.</param>
/// <param name="LeadRole">The parenthesis after the lead: "Cơ quan Thường trực Hội đồng TĐKT".</param>
/// <param name="CoordinatorNames">Agencies that co-operate (phối hợp), in the document's order.</param>
/// <param name="CollectiveNames">Groups named without a single agency ("các sở, ban, ngành", "UBND các quận, huyện").</param>
/// <param name="AndRelatedAgencies">"và các cơ quan liên quan": open-ended co-operation.</param>
/// <param name="ExecutingUnitsText">The executing-unit cell(s) as written.</param>
/// <param name="Due">The due phrase, parsed, with its text as written; null when none is written.</param>
/// <param name="Label">The number as printed, qualified by its group's label when the numbering restarts in each group
/// ("II.3" for the third task under "II"); null for a row that printed none.</param>
public sealed record PlanItemEntry(
    int Ordinal,
    string OrdinalText,
    int? Quarter,
    ItemGroup? Group,
    string Content,
    string? LeadName,
    string? LeadRole,
    IReadOnlyList<string> CoordinatorNames,
    IReadOnlyList<string> CollectiveNames,
    bool AndRelatedAgencies,
    string? ExecutingUnitsText,
    DuePhrase? Due,
    DocumentLocation Location,
    string? Label = null);

/// <summary>A group row of the task table other than a quarter: "I" + "CÔNG TÁC TUYÊN TRUYỀN".</summary>
public sealed record ItemGroup(string? Label, string Heading);
