using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Data;
using PlanApi.Features.Agencies;
using PlanApi.Features.ApiKeys;
using PlanApi.Features.Groupings;
using PlanApi.Features.Items;
using PlanApi.Features.Plans;
using PlanApi.Features.ProgressReports;

namespace PlanApi.Common.WriteLog;

/// <summary>Reads a resource as the API shows it, for the before/after of the audit trail and the feed's versions.</summary>
/// <remarks>
/// A handler that already holds the state it wrote (as its answer shows it) hands it over with <see cref="Written"/>,
/// so that the write log does not read the resource back while the write still holds its row locks.
/// </remarks>
public sealed class ResourceSnapshots(ISender sender, PlanDbContext db)
{
    private readonly Dictionary<(string Type, string Key), object> _written = [];

    /// <summary>The state of a resource as this request's write left it; the next <see cref="LoadAsync"/> of it returns it once.</summary>
    public void Written(string type, string key, object snapshot) => _written[(type, key)] = snapshot;

    public async Task<object?> LoadAsync(string type, string key, CancellationToken ct)
    {
        if (_written.Remove((type, key), out var written)) return written;
        try
        {
            return type switch
            {
                ResourceTypes.Plan => await sender.Send(new GetPlanQuery(Guid.Parse(key), IncludeDrafts: true), ct),
                ResourceTypes.PlanItem when ParseItemKey(key) is var (planId, ordinal) =>
                    await sender.Send(new GetPlanItemQuery(planId, ordinal), ct),
                ResourceTypes.Agency => await sender.Send(new GetAgencyQuery(key), ct),
                ResourceTypes.Grouping => await sender.Send(new GetGroupingQuery(key), ct),
                ResourceTypes.ProgressReport => await sender.Send(new GetProgressReportQuery(Guid.Parse(key)), ct),
                ResourceTypes.ApiKey => await db.ApiKeys.AsNoTracking().Where(k => k.Id == Guid.Parse(key))
                    .Select(ApiKeyDto.Projection).SingleOrDefaultAsync(ct),
                _ => null,
            };
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>The key of the resource a DTO shows.</summary>
    public static string? KeyOf(object? dto) => dto switch
    {
        PlanDto p => p.Id.ToString(),
        PlanItemDto i => ItemKey(i.PlanId, i.Ordinal),
        AgencyDto a => a.Code,
        GroupingDto g => g.Code,
        ProgressReportDto r => r.Id.ToString(),
        IssuedApiKeyDto k => k.Id.ToString(),
        ApiKeyDto k => k.Id.ToString(),
        _ => null,
    };

    public static string ItemKey(Guid planId, int ordinal) => $"{planId}/{ordinal}";

    /// <summary>Where a client reads the resource.</summary>
    public static string Link(string type, string key) => type switch
    {
        ResourceTypes.Plan => $"/api/v1/plans/{key}",
        ResourceTypes.PlanItem when ParseItemKey(key) is var (planId, ordinal) => $"/api/v1/plans/{planId}/items/{ordinal}",
        ResourceTypes.Agency => $"/api/v1/agencies/{key}",
        ResourceTypes.Grouping => $"/api/v1/groupings/{key}",
        ResourceTypes.ProgressReport => $"/api/v1/progress-reports/{key}",
        _ => $"/api/v1/api-keys",
    };

    private static (Guid PlanId, int Ordinal)? ParseItemKey(string key) =>
        key.Split('/') is [var plan, var ordinal] && Guid.TryParse(plan, out var planId) && int.TryParse(ordinal, out var n)
            ? (planId, n)
            : null;
}
