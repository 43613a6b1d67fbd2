namespace PlanApi.Domain;

/// <summary>A government body that issues plans, leads or co-operates on tasks, or receives them.</summary>
public sealed class Agency
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Stable slug used in URLs and by other systems, e.g. <c>so-gddt-can-tho</c>.</summary>
    public required string Code { get; init; }

    public required string Name { get; set; }
    public string? ShortName { get; set; }

    /// <summary>Other names under which documents refer to the agency ("Ban TĐKT thành phố").</summary>
    public List<string> Aliases { get; set; } = [];

    public AgencyKind Kind { get; set; }

    /// <summary>False for agencies an import created from a name no known agency matched: the board should check them.</summary>
    public bool Verified { get; set; } = true;
    public Guid? ParentId { get; set; }
    public Agency? Parent { get; set; }

    /// <summary>
    /// The administrative unit the agency serves (its code, read at the dates the agency is valid): "92" for Cần Thơ's
    /// departments, "916" for UBND quận Ninh Kiều; null for central bodies (Chính phủ, the ministries).
    /// </summary>
    public string? JurisdictionCode { get; set; }

    /// <summary>The province of <see cref="JurisdictionCode"/> (itself for a province): what a province's lists filter by.</summary>
    public string? JurisdictionProvinceCode { get; set; }

    /// <summary>First day the agency exists; null when it existed before the store's records begin.</summary>
    public DateOnly? ValidFrom { get; set; }

    /// <summary>Last day the agency exists; null while it does.</summary>
    public DateOnly? ValidUntil { get; set; }

    /// <summary>National agency identifier (mã định danh, QCVN 102:2016/BTTTT), e.g. <c>000.00.00.H13</c>.</summary>
    public string? IdentifierCode { get; set; }

    /// <summary>Names the agency had before a rename: still found by search and by the importer for older plans.</summary>
    public List<string> FormerNames { get; set; } = [];

    /// <summary>For a <see cref="AgencyKind.Collective"/> set: which agencies of its jurisdiction it names.</summary>
    public CollectiveScope? CollectiveScope { get; set; }

    /// <summary>The agencies that took over its work when it ended.</summary>
    public List<AgencySuccession> Successors { get; set; } = [];

    /// <summary>The agencies whose work it took over.</summary>
    public List<AgencySuccession> Predecessors { get; set; } = [];

    /// <summary>Name, short name and aliases folded by <see cref="SearchText"/>, kept for diacritics-insensitive search.</summary>
    public string SearchKey { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; private set; }

    /// <summary>Each name folded, joined by " | ", so that a query can match one name exactly ("| key |").</summary>
    public void RefreshSearchKey() =>
        SearchKey = "| " + string.Join(" | ", new[] { Name, ShortName ?? "" }.Concat(Aliases).Concat(FormerNames).Select(SearchText.Fold).Where(n => n.Length > 0).Distinct()) + " |";

    /// <summary>Whether the agency exists on <paramref name="date"/>.</summary>
    public bool IsValidOn(DateOnly date) => Validity.Contains(ValidFrom, ValidUntil, date);

    /// <summary>Whether <paramref name="name"/> is this agency's name, short name or one of its aliases.</summary>
    public bool IsKnownAs(string name)
    {
        var key = SearchText.Fold(name);
        return SearchText.Fold(Name) == key
            || (ShortName is not null && SearchText.Fold(ShortName) == key)
            || Aliases.Any(a => SearchText.Fold(a) == key);
    }
}
