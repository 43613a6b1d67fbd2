using Microsoft.EntityFrameworkCore;
using PlanApi.Domain;

namespace PlanApi.Data;

/// <summary>Administrative units read as jurisdictions: a code at a date.</summary>
public static class Jurisdictions
{
    /// <summary>The version of unit <paramref name="code"/> valid on <paramref name="date"/>, with its parent; null when none is.</summary>
    public static Task<AdministrativeUnit?> AtAsync(PlanDbContext db, string code, DateOnly date, CancellationToken ct) =>
        db.AdministrativeUnits.AsNoTracking().Include(u => u.Parent)
            .ValidOn(date).Where(u => u.Code == code)
            .OrderByDescending(u => u.ValidFrom)
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// The day an agency's jurisdiction is read at: today while the agency exists, else its nearest day of existence
    /// (the last, for an agency that has ended; the first, for one that begins later).
    /// </summary>
    public static DateOnly ReadingDate(DateOnly? validFrom, DateOnly? validUntil, DateOnly today) =>
        validUntil is { } until && until < today ? until
        : validFrom is { } from && from > today ? from
        : today;
}
