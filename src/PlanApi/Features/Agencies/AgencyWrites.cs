using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Agencies;

/// <summary>The checks and changes that creating and updating an agency share.</summary>
internal static class AgencyWrites
{
    public static async Task<Guid?> ResolveParentAsync(PlanDbContext db, string? parentCode, string? selfCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(parentCode)) return null;
        if (parentCode == selfCode) throw new UnprocessableException("An agency cannot be its own parent.", "parentCode");
        var parent = await db.Agencies.Where(a => a.Code == parentCode).Select(a => new { a.Id }).SingleOrDefaultAsync(ct)
            ?? throw new UnprocessableException($"Parent agency '{parentCode}' does not exist.", "parentCode");
        return parent.Id;
    }

    /// <summary>A national identifier belongs to one agency (a 409 names the one that has it).</summary>
    public static async Task CheckIdentifierFreeAsync(PlanDbContext db, string? identifierCode, string selfCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(identifierCode)) return;
        var holder = await db.Agencies.Where(a => a.IdentifierCode == identifierCode && a.Code != selfCode).Select(a => a.Code).FirstOrDefaultAsync(ct);
        if (holder is not null) throw new ConflictException($"Agency '{holder}' already has the identifier '{identifierCode}'.");
    }

    /// <summary>The province of the jurisdiction, checked to name a unit that exists while the agency does.</summary>
    public static async Task<string?> ResolveJurisdictionAsync(PlanDbContext db, AgencyFields fields, DateOnly today, CancellationToken ct)
    {
        if (fields.JurisdictionCode is not { } code) return null;
        var versions = await db.AdministrativeUnits.AsNoTracking().Where(u => u.Code == code)
            .Select(u => new { u.ProvinceCode, u.ValidFrom, u.ValidUntil }).ToListAsync(ct);
        var day = Jurisdictions.ReadingDate(fields.ValidFrom, fields.ValidUntil, today);
        var overlapping = versions
            .Where(u => (u.ValidFrom is null || fields.ValidUntil is null || u.ValidFrom <= fields.ValidUntil)
                && (u.ValidUntil is null || fields.ValidFrom is null || u.ValidUntil >= fields.ValidFrom))
            .OrderByDescending(u => Validity.Contains(u.ValidFrom, u.ValidUntil, day))
            .FirstOrDefault();
        if (overlapping is not null) return overlapping.ProvinceCode;
        throw new UnprocessableException(versions.Count == 0
            ? $"No administrative unit has the code '{code}'."
            : $"Administrative unit '{code}' does not exist while the agency does ({Period(fields.ValidFrom, fields.ValidUntil)}).",
            "jurisdictionCode");
    }

    /// <summary>The successors' ids, each checked to exist on the day it takes over.</summary>
    public static async Task<List<AgencySuccession>> ResolveSuccessorsAsync(
        PlanDbContext db, AgencyFields fields, Guid selfId, string selfCode, CancellationToken ct)
    {
        var wanted = fields.Successors ?? [];
        if (wanted.Count == 0) return [];
        var effectiveOn = fields.ValidUntil!.Value.AddDays(1);
        var codes = wanted.Select(s => s.Code).ToList();
        var found = await db.Agencies.AsNoTracking().Where(a => codes.Contains(a.Code))
            .Select(a => new { a.Id, a.Code, a.ValidFrom, a.ValidUntil }).ToDictionaryAsync(a => a.Code, ct);
        var successions = new List<AgencySuccession>();
        for (var i = 0; i < wanted.Count; i++)
        {
            var field = $"successors[{i}].code";
            var code = wanted[i].Code;
            if (code == selfCode) throw new UnprocessableException("An agency cannot succeed itself.", field);
            if (!found.TryGetValue(code, out var successor))
                throw new UnprocessableException($"Successor agency '{code}' does not exist.", field);
            if (!Validity.Contains(successor.ValidFrom, successor.ValidUntil, effectiveOn))
                throw new UnprocessableException(
                    $"Successor agency '{code}' does not exist on {effectiveOn:yyyy-MM-dd}, the day it would take over ({Period(successor.ValidFrom, successor.ValidUntil)}).", field);
            if (successions.Any(s => s.SuccessorId == successor.Id))
                throw new UnprocessableException($"Successor agency '{code}' is named twice.", field);
            successions.Add(new AgencySuccession { PredecessorId = selfId, SuccessorId = successor.Id, Kind = wanted[i].Kind, EffectiveOn = effectiveOn });
        }
        return successions;
    }

    public static void Apply(Agency agency, AgencyFields fields, Guid? parentId, string? jurisdictionProvince, DateTimeOffset now)
    {
        var name = fields.Name.Trim();
        var formerNames = fields.FormerNames is { } given ? given.Select(n => n.Trim()).Where(n => n.Length > 0).ToList() : agency.FormerNames;
        // A rename keeps the old name findable: plans written before it still name the agency that way.
        if (agency.Name is { Length: > 0 } old && !string.Equals(old, name, StringComparison.Ordinal)) formerNames = [.. formerNames, old];
        agency.Name = name;
        agency.ShortName = string.IsNullOrWhiteSpace(fields.ShortName) ? null : fields.ShortName.Trim();
        agency.Aliases = (fields.Aliases ?? []).Select(a => a.Trim())
            .Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        agency.FormerNames = formerNames.Where(n => n != name).Distinct(StringComparer.Ordinal).ToList();
        agency.Kind = fields.Kind!.Value;
        agency.CollectiveScope = fields.CollectiveScope;
        agency.ParentId = parentId;
        agency.JurisdictionCode = fields.JurisdictionCode;
        agency.JurisdictionProvinceCode = jurisdictionProvince;
        agency.ValidFrom = fields.ValidFrom;
        agency.ValidUntil = fields.ValidUntil;
        agency.IdentifierCode = string.IsNullOrWhiteSpace(fields.IdentifierCode) ? null : fields.IdentifierCode;
        agency.Verified = true;
        agency.UpdatedAt = now;
        agency.RefreshSearchKey();
    }

    private static string Period(DateOnly? from, DateOnly? until) =>
        $"{(from is { } f ? f.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "…")} – {(until is { } u ? u.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "…")}";
}
