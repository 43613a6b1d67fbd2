namespace PlanApi.Domain;

/// <summary>The tier of an administrative unit: tỉnh/thành phố, quận/huyện (until 2025-06-30), xã/phường/đặc khu.</summary>
public enum UnitLevel
{
    Province,
    District,
    Commune,
}

/// <summary>How a unit's or an agency's area or work passed to another on a date.</summary>
public enum SuccessionKind
{
    /// <summary>Joined with others into the successor (Hậu Giang into Cần Thơ).</summary>
    MergedInto,
    /// <summary>Divided among several successors (a district among the new communes).</summary>
    SplitAmong,
    /// <summary>The same body or area under another name.</summary>
    Renamed,
    /// <summary>The same body or area, unchanged, in the new version of the list.</summary>
    Continued,
}

/// <summary>
/// One version of an administrative unit: a code valid for a period. The same code names a different area before and
/// after a reorganisation (31261 was "Thị trấn Cờ Đỏ" until 2025-06-30 and is "Xã Cờ Đỏ" since), so a code is always
/// read together with a date.
/// </summary>
public sealed class AdministrativeUnit
{
    public int Id { get; init; }
    public required string Code { get; init; }
    public UnitLevel Level { get; init; }

    /// <summary>The name without its type ("Ninh Kiều").</summary>
    public required string Name { get; init; }

    /// <summary>The name with its type ("Phường Ninh Kiều").</summary>
    public required string FullName { get; init; }

    /// <summary>The type as the list writes it: Tỉnh, Thành phố, Quận, Huyện, Thị xã, Xã, Phường, Thị trấn, Đặc khu.</summary>
    public required string Type { get; init; }

    public int? ParentId { get; init; }
    public AdministrativeUnit? Parent { get; init; }

    /// <summary>The province the unit belongs to (itself for a province), in the same version of the list.</summary>
    public required string ProvinceCode { get; init; }

    /// <summary>First day of validity; null when it was valid before the lists the store holds begin.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>Last day of validity; null while it is valid.</summary>
    public DateOnly? ValidUntil { get; init; }

    /// <summary>Full name and name folded by <see cref="SearchText"/>.</summary>
    public string SearchKey { get; init; } = "";

    public List<AdministrativeUnitSuccession> Successors { get; init; } = [];
    public List<AdministrativeUnitSuccession> Predecessors { get; init; } = [];

    public bool IsValidOn(DateOnly date) => Validity.Contains(ValidFrom, ValidUntil, date);

    /// <summary>The full name as it stands inside a sentence or another name: "phường Ninh Kiều", "thành phố Cần Thơ".</summary>
    public string FullNameInText() => FullName.Length == 0 ? FullName : char.ToLowerInvariant(FullName[0]) + FullName[1..];
}

/// <summary>Where a unit version's area went when it ended.</summary>
public sealed class AdministrativeUnitSuccession
{
    public int PredecessorId { get; init; }
    public AdministrativeUnit? Predecessor { get; init; }
    public int SuccessorId { get; init; }
    public AdministrativeUnit? Successor { get; init; }
    public SuccessionKind Kind { get; init; }
    public DateOnly EffectiveOn { get; init; }
}
