namespace PlanApi.Domain;

/// <summary>
/// Codes the API generates for agencies (People's Committees of units, agencies an import creates): a slug of the
/// name that always carries its jurisdiction, so that two provinces' "Ban Tuyên giáo Tỉnh ủy" never share a code.
/// </summary>
public static class AgencyCodes
{
    public const int MaxLength = 100;

    /// <summary>The code of a central body, which has no jurisdiction.</summary>
    public const string CentralSuffix = "trung-uong";

    public static string Slug(string text) => string.Join('-', SearchText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// A unit version's part of generated codes: a province's name ("thai-binh"), or a lower unit's full name with its
    /// province ("phuong-ninh-kieu-can-tho").
    /// </summary>
    public static string JurisdictionSlug(AdministrativeUnit unit, string provinceName) =>
        unit.Level == UnitLevel.Province ? Slug(unit.Name) : $"{Slug(unit.FullName)}-{Slug(provinceName)}";

    /// <summary>"Sở Nội vụ" of Thái Bình → "so-noi-vu-thai-binh"; a name that already ends with the jurisdiction keeps it once.</summary>
    public static string ForName(string name, string jurisdictionSlug)
    {
        var slug = Slug(name);
        if (slug == jurisdictionSlug || slug.EndsWith("-" + jurisdictionSlug, StringComparison.Ordinal)) slug = slug[..^jurisdictionSlug.Length].TrimEnd('-');
        var room = MaxLength - jurisdictionSlug.Length - 1;
        if (slug.Length > room) slug = slug[..room].TrimEnd('-');
        return slug.Length == 0 ? jurisdictionSlug : $"{slug}-{jurisdictionSlug}";
    }

    /// <summary><paramref name="code"/>, or it with "-2", "-3" … when <paramref name="taken"/> says it is in use.</summary>
    public static string Unique(string code, Func<string, bool> taken)
    {
        var candidate = code;
        for (var n = 2; taken(candidate); n++)
        {
            var suffix = $"-{n}";
            candidate = (code.Length + suffix.Length > MaxLength ? code[..(MaxLength - suffix.Length)] : code) + suffix;
        }
        return candidate;
    }

    /// <summary>The usual name of a unit's People's Committee: "Ủy ban nhân dân phường Ninh Kiều".</summary>
    public static string PeoplesCommitteeName(AdministrativeUnit unit) => $"Ủy ban nhân dân {unit.FullNameInText()}";

    public static string PeoplesCommitteeShortName(AdministrativeUnit unit) => $"UBND {unit.FullNameInText()}";
}
