namespace PlanApi.Documents;

/// <summary>
/// A locality a heading or an agency name refers to: the level word as the unit lists write it ("Tỉnh",
/// "Thành phố", "Huyện", "Quận", "Thị xã", "Xã", "Phường", "Thị trấn", "Đặc khu") and the name ("Thái Bình").
/// </summary>
/// <param name="Type">Null when only a name is known (the place of the date line, "Báo Thái Bình").</param>
/// <param name="Name">Null when only the level is written ("Ban TĐKT tỉnh", "UBND TỈNH" alone).</param>
public sealed record LocalityReference(string? Type, string? Name)
{
    public override string ToString() =>
        Type is null ? Name ?? "" : Name is null ? Type.ToLowerInvariant() : $"{char.ToLowerInvariant(Type[0])}{Type[1..]} {Name}";
}

/// <summary>How the jurisdiction of an issuer was read from its heading.</summary>
public enum JurisdictionSource
{
    /// <summary>Nothing usable: no locality, not a central body, no place.</summary>
    None,
    /// <summary>The issuer lines name a central body (Chính phủ, a ministry, a body "Trung ương").</summary>
    Central,
    /// <summary>The issuer lines name the locality ("ỦY BAN NHÂN DÂN / TỈNH THÁI BÌNH").</summary>
    Heading,
    /// <summary>The name comes from the place of the date line ("Cần Thơ, ngày …"), by which State documents name
    /// the unit where the issuer sits: the issuer lines are missing or give only a level ("UBND TỈNH").</summary>
    Place,
}

/// <summary>
/// Where the issuer of a plan governs, as its heading says. Localities run from the issuer's own unit to the
/// units it lies in: "UBND TỈNH THÁI BÌNH" above "UBND HUYỆN KIẾN XƯƠNG" gives huyện Kiến Xương, then tỉnh Thái Bình.
/// Resolving them to administrative units, which change over time, is the reader's job (it needs the unit lists).
/// </summary>
public sealed record IssuerJurisdiction(JurisdictionSource Source, IReadOnlyList<LocalityReference> Localities)
{
    public static IssuerJurisdiction Unknown { get; } = new(JurisdictionSource.None, []);

    public static IssuerJurisdiction Central { get; } = new(JurisdictionSource.Central, []);

    public bool IsCentral => Source == JurisdictionSource.Central;
}
