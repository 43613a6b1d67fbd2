namespace PlanApi.Domain;

/// <summary>
/// Reads a collective assignee as plans write it ("Các sở, ban, ngành", "UBND các quận, huyện", "UBND các xã, phường,
/// thị trấn", "các cơ quan, đơn vị, địa phương") into the set of agencies it names. "các cơ quan liên quan" is not a
/// set (it is the open-ended "and related agencies"); other collectives ("các doanh nghiệp", "các Cụm, Khối thi đua")
/// name no set the API can list and are left to the reader, with a warning.
/// </summary>
public static class CollectiveSets
{
    public static CollectiveScope? Recognize(string written)
    {
        var words = " " + SearchText.Fold(written) + " ";
        if (!words.Contains(" cac ", StringComparison.Ordinal) && !words.Contains(" cap ", StringComparison.Ordinal)) return null;
        if (words.Contains(" lien quan ", StringComparison.Ordinal)) return null;
        if (words.Contains(" co quan ", StringComparison.Ordinal) && words.Contains(" dia phuong ", StringComparison.Ordinal))
            return CollectiveScope.LocalBodies;
        // "cơ quan" (body) holds "quan" (urban district): read the levels without it.
        words = words.Replace(" co quan ", " ", StringComparison.Ordinal);
        var committees = words.Contains(" ubnd ", StringComparison.Ordinal) || words.Contains(" uy ban nhan dan ", StringComparison.Ordinal)
            || words.Contains(" dia phuong ", StringComparison.Ordinal);
        var district = Any(words, "quan", "huyen", "thi xa", "cap huyen");
        var commune = Any(words, "xa", "phuong", "thi tran", "dac khu", "cap xa");
        var departments = Any(words, "so", "ban nganh", "nganh");
        if (committees || district || commune)
        {
            // "thị xã" is a district-level unit, not a commune.
            if (district && !Any(words.Replace(" thi xa ", " ", StringComparison.Ordinal), "xa", "phuong", "thi tran", "dac khu", "cap xa"))
                return CollectiveScope.DistrictCommittees;
            if (commune && !district) return CollectiveScope.CommuneCommittees;
            if (district && commune) return CollectiveScope.LocalBodies;
        }
        return departments ? CollectiveScope.Departments : null;
    }

    /// <summary>The set's name in a jurisdiction: "Các sở, ban, ngành tỉnh Thái Bình".</summary>
    public static string Name(CollectiveScope scope) => scope switch
    {
        CollectiveScope.Departments => "Các sở, ban, ngành",
        CollectiveScope.DistrictCommittees => "UBND các quận, huyện, thị xã, thành phố",
        CollectiveScope.CommuneCommittees => "UBND các xã, phường, thị trấn, đặc khu",
        _ => "Các cơ quan, đơn vị, địa phương",
    };

    private static bool Any(string padded, params string[] words) =>
        words.Any(w => padded.Contains($" {w} ", StringComparison.Ordinal) || padded.Contains($" {w},", StringComparison.Ordinal));
}
