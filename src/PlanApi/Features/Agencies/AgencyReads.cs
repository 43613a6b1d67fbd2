using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Agencies;

/// <summary>What an agency's answer shows beyond its own row: its jurisdiction at the day it is read at, and whether it exists today.</summary>
internal static class AgencyReads
{
    public static async Task<AgencyDto> CompleteAsync(PlanDbContext db, AgencyDto agency, DateOnly today, CancellationToken ct) =>
        (await CompleteAsync(db, [agency], today, ct))[0];

    public static async Task<IReadOnlyList<AgencyDto>> CompleteAsync(
        PlanDbContext db, IReadOnlyList<AgencyDto> agencies, DateOnly today, CancellationToken ct)
    {
        var codes = agencies.Select(a => a.JurisdictionCode).OfType<string>().Distinct().ToList();
        // Every version of the units named: a page names a handful of codes, each with one or two versions.
        var units = codes.Count == 0 ? [] : await db.AdministrativeUnits.AsNoTracking()
            .Where(u => codes.Contains(u.Code))
            .Select(u => new JurisdictionDto(u.Code, u.FullName, u.Level, u.ValidFrom, u.ValidUntil))
            .ToListAsync(ct);
        return agencies.Select(a =>
        {
            var day = Jurisdictions.ReadingDate(a.ValidFrom, a.ValidUntil, today);
            var unit = units.FirstOrDefault(u => u.Code == a.JurisdictionCode && Validity.Contains(u.ValidFrom, u.ValidUntil, day));
            return a with { Jurisdiction = unit, Active = Validity.Contains(a.ValidFrom, a.ValidUntil, today) };
        }).ToList();
    }

    public static async Task<Page<AgencyDto>> CompleteAsync(PlanDbContext db, Page<AgencyDto> page, DateOnly today, CancellationToken ct) =>
        page with { Items = await CompleteAsync(db, page.Items, today, ct) };
}
