namespace PlanApi.Domain;

/// <summary>
/// A period of validity, as administrative unit versions and agencies have it: from its first day (null when before
/// the records begin) to its last (null while it lasts). One rule for queries and for memory.
/// </summary>
public static class Validity
{
    /// <summary>The earliest day the API records or asks about: the founding of the state (2 September 1945).</summary>
    public static readonly DateOnly Earliest = new(1945, 9, 2);

    public static bool Contains(DateOnly? from, DateOnly? until, DateOnly day) =>
        (from is null || from <= day) && (until is null || day <= until);

    /// <summary>The unit versions valid on <paramref name="day"/>: at most one per code.</summary>
    public static IQueryable<AdministrativeUnit> ValidOn(this IQueryable<AdministrativeUnit> units, DateOnly day) =>
        units.Where(u => (u.ValidFrom == null || u.ValidFrom <= day) && (u.ValidUntil == null || u.ValidUntil >= day));

    /// <summary>The agencies that exist on <paramref name="day"/>.</summary>
    public static IQueryable<Agency> ValidOn(this IQueryable<Agency> agencies, DateOnly day) =>
        agencies.Where(a => (a.ValidFrom == null || a.ValidFrom <= day) && (a.ValidUntil == null || a.ValidUntil >= day));
}
