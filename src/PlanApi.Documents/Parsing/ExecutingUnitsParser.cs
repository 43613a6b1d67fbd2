using System.Text.RegularExpressions;

namespace PlanApi.Documents.Parsing;

/// <summary>
/// Who executes a task: one lead (chủ trì), co-operating agencies (phối hợp), which of those names are collectives
/// ("UBND các xã, phường"), and what could not be placed.
/// </summary>
internal sealed record ExecutingUnits(
    string? LeadName,
    string? LeadRole,
    IReadOnlyList<string> Coordinators,
    IReadOnlyList<string> Collectives,
    bool AndRelatedAgencies,
    IReadOnlyList<string> Problems);

/// <summary>
/// Reads "X (role) chủ trì[,] phối hợp với Y, Z và các cơ quan liên quan" from one cell, or a lead cell and a
/// co-operation cell. Without "chủ trì" the agency before "phối hợp" still leads (task 27 of the seed);
/// "Chủ trì: X; Phối hợp: Y" is read too.
/// </summary>
internal static partial class ExecutingUnitsParser
{
    public static ExecutingUnits ParseCombined(string text)
    {
        var folded = VietnameseText.Fold(text);
        var lead = FirstAtDepthZero(LeadWord(), folded);
        string leadPart, coordinationPart;
        if (lead is not null && text[..lead.Index].Trim(' ', ',', ';', ':', '-').Length > 0)
        {
            leadPart = text[..lead.Index];
            var after = lead.Index + lead.Length;
            var coordination = FirstAtDepthZero(CoordinationWord(), folded, after);
            coordinationPart = coordination is null ? text[after..] : text[(coordination.Index + coordination.Length)..];
        }
        else
        {
            var from = lead is null ? 0 : lead.Index + lead.Length;
            var coordination = FirstAtDepthZero(CoordinationWord(), folded, from);
            leadPart = coordination is null ? text[from..] : text[from..coordination.Index];
            coordinationPart = coordination is null ? "" : text[(coordination.Index + coordination.Length)..];
        }
        return Assemble(leadPart, coordinationPart);
    }

    public static ExecutingUnits ParseSeparate(string leadText, string coordinationText)
    {
        // A lead cell may still say "X chủ trì" and a co-operation cell "Phối hợp với Y".
        var leadFolded = VietnameseText.Fold(leadText);
        if (FirstAtDepthZero(LeadWord(), leadFolded) is { } m) leadText = leadText.Remove(m.Index, m.Length);
        var coordinationFolded = VietnameseText.Fold(coordinationText);
        if (FirstAtDepthZero(CoordinationWord(), coordinationFolded) is { Index: var i } c
            && coordinationText[..i].Trim().Length == 0)
            coordinationText = coordinationText[(i + c.Length)..];
        return Assemble(leadText, coordinationText);
    }

    private static ExecutingUnits Assemble(string leadPart, string coordinationPart)
    {
        var problems = new List<string>();
        var coordinators = new List<string>();
        var collectives = new List<string>();
        var related = false;
        string? leadName = null, leadRole = null;

        // A collective ("các sở, ban, ngành") stays where it is written: a lead cell that names only a set keeps the
        // set as lead, and a set among co-operating agencies co-operates; the importer reads which agencies it names.
        foreach (var agency in AgencyNameList.Split(leadPart))
        {
            var folded = VietnameseText.Fold(agency.Name);
            if (AgencyHeads.IsRelatedAgencies(folded)) { related = true; continue; }
            var collective = AgencyHeads.IsCollective(folded);
            if (collective) collectives.Add(agency.Name);
            if (leadName is null) { (leadName, leadRole) = (agency.Name, agency.Role); continue; }
            if (collective) { coordinators.Add(agency.Name); continue; }
            coordinators.Add(agency.Name);
            problems.Add($"several agencies lead; \"{leadName}\" is taken as the lead and \"{agency.Name}\" as co-operating");
        }
        foreach (var agency in AgencyNameList.Split(coordinationPart))
        {
            var folded = VietnameseText.Fold(agency.Name);
            if (AgencyHeads.IsRelatedAgencies(folded)) { related = true; continue; }
            if (AgencyHeads.IsCollective(folded)) collectives.Add(agency.Name);
            coordinators.Add(agency.Name);
        }
        if (leadName is null) problems.Add("no lead agency (chủ trì) is named");
        return new ExecutingUnits(leadName, leadRole, coordinators, collectives, related, problems);
    }

    /// <summary>The first match outside parentheses, so that "(chủ trì)" inside a role is not the keyword.</summary>
    private static Match? FirstAtDepthZero(Regex pattern, string folded, int from = 0)
    {
        foreach (Match m in pattern.Matches(folded, from))
            if (DepthAt(folded, m.Index) == 0) return m;
        return null;
    }

    private static int DepthAt(string text, int index)
    {
        var depth = 0;
        for (var i = 0; i < index; i++)
            depth = text[i] == '(' ? depth + 1 : text[i] == ')' ? Math.Max(0, depth - 1) : depth;
        return depth;
    }

    [GeneratedRegex(@"\bchu tri\b\s*:?")]
    private static partial Regex LeadWord();

    [GeneratedRegex(@"\bphoi hop\b(?:\s+(?:voi|cung)\b)?\s*:?")]
    private static partial Regex CoordinationWord();
}
