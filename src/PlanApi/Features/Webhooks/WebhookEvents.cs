using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;
using PlanApi.Features.Items;
using PlanApi.Features.Plans;
using PlanApi.Features.ProgressReports;

namespace PlanApi.Features.Webhooks;

/// <summary>The event types a subscription may choose.</summary>
public static class WebhookEventTypes
{
    public const string PlanItemAssigned = "plan_item.assigned";
    public const string PlanItemUnassigned = "plan_item.unassigned";
    public const string PlanItemCreated = "plan_item.created";
    public const string PlanItemUpdated = "plan_item.updated";
    public const string PlanItemDeleted = "plan_item.deleted";
    public const string PlanItemDueSoon = "plan_item.due_soon";
    public const string PlanItemOverdue = "plan_item.overdue";
    public const string ProgressReportCreated = "progress_report.created";
    public const string PlanPublished = "plan.published";
    public const string PlanClosed = "plan.closed";

    public static readonly IReadOnlyList<string> All =
    [
        PlanItemAssigned, PlanItemUnassigned, PlanItemCreated, PlanItemUpdated, PlanItemDeleted, PlanItemDueSoon, PlanItemOverdue,
        ProgressReportCreated, PlanPublished, PlanClosed,
    ];

    public static bool Wants(WebhookSubscription subscription, string type) =>
        subscription.EventTypes.Count == 0 || subscription.EventTypes.Contains(type);
}

/// <summary>The body of a webhook request (Standard Webhooks: type, timestamp, data; the id also travels as webhook-id).</summary>
/// <param name="Id">The event's id, equal to the webhook-id header: the same on every retry, redelivery and replay.</param>
/// <param name="Type">The event type.</param>
/// <param name="Timestamp">When it happened: the change's commit, or the reminder's day.</param>
/// <param name="Data">What it is about.</param>
public sealed record WebhookEvent(string Id, string Type, DateTimeOffset Timestamp, WebhookEventData Data);

/// <param name="Link">Where the resource is read.</param>
/// <param name="ETag">Its ETag, as a GET of <paramref name="Link"/> gives it when the event is queued; null when it no longer exists.</param>
/// <param name="Resource">The resource as a GET shows it (plan, plan item or progress report); null when it no longer exists.</param>
/// <param name="Sequence">The change-feed position the event derives from; null for time events.</param>
/// <param name="Agency">For agency subscriptions: the agency the event concerns.</param>
/// <param name="Occurrence">For due_soon and overdue: the occurrence (a recurring item's month, quarter …; the due window otherwise).</param>
public sealed record WebhookEventData(
    string Link, [property: System.Text.Json.Serialization.JsonPropertyName("etag")] string? ETag, object? Resource, long? Sequence = null, string? Agency = null, DueOccurrence? Occurrence = null);

/// <summary>A change-feed entry with the audit trail's before and after of the same write (none for a change a write caused as well).</summary>
internal sealed record FeedChange(
    long Sequence, DateTimeOffset OccurredAt, string Action, string ResourceType, string ResourceKey, string Link, string? Before, string? After);

/// <summary>The agencies an agency subscription watches: its own and those it succeeded (their open work is its own).</summary>
internal sealed record WebhookWatch(string Code, HashSet<Guid> Ids, HashSet<string> Codes)
{
    public static async Task<WebhookWatch?> OfAsync(PlanDbContext db, WebhookSubscription subscription, CancellationToken ct)
    {
        if (subscription.AgencyId is not { } agencyId) return null;
        var ids = (await AgencyLineage.PredecessorsAsync(db, agencyId, ct)).Append(agencyId).ToHashSet();
        var codes = await db.Agencies.Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Code }).ToListAsync(ct);
        return new WebhookWatch(codes.Single(a => a.Id == agencyId).Code, ids, codes.Select(a => a.Code).ToHashSet(StringComparer.Ordinal));
    }
}

/// <summary>
/// Events derived from the change feed. The feed says what changed (type, key, action); the audit entry the same
/// write recorded says how (before and after): a plan's lifecycle moving to published or closed, an item's lead and
/// coordinators gaining or losing the watched agency. The two are matched by their transaction: a feed position
/// carries its transaction's id (see <see cref="ChangeRecord"/>), an audit row carries it as <c>xmin</c>.
/// </summary>
internal static class WebhookEvents
{
    public static Task<List<FeedChange>> ReadFeedAsync(PlanDbContext db, long cursor, int limit, CancellationToken ct) =>
        db.Database.SqlQuery<FeedChange>($"""
            SELECT c.sequence, c.occurred_at, c.action, c.resource_type, c.resource_key, c.link,
                   a.before::text AS before, a.after::text AS after
            FROM change_records c
            LEFT JOIN LATERAL (
                SELECT e.before, e.after FROM audit_entries e
                WHERE e.resource_type = c.resource_type AND e.resource_key = c.resource_key
                  AND e.xmin::text::bigint = (((c.sequence - (SELECT base FROM change_feed_origin)) >> 20) & 4294967295)
                LIMIT 1) a ON true
            WHERE c.sequence > {cursor} AND c.sequence < change_feed_horizon() AND c.public
            ORDER BY c.sequence
            LIMIT {limit}
            """).ToListAsync(ct);

    /// <summary>The events one change means for one subscription, in the order they are sent.</summary>
    public static async Task<List<WebhookEvent>> DeriveAsync(
        PlanDbContext db, TimeProvider clock, WebhookSubscription subscription, WebhookWatch? watch, FeedChange change, CancellationToken ct)
    {
        var events = new List<(string Type, WebhookEventData Data)>();
        switch (change.ResourceType)
        {
            case PlanResource.TypeName when change.Action == Common.Writes.AuditActions.Update && Guid.TryParse(change.ResourceKey, out var planId):
                {
                    if (subscription.PlanId is { } only && only != planId) break;
                    var before = Field(change.Before, "lifecycle");
                    var after = Field(change.After, "lifecycle");
                    var type = after == "published" && before != "published" ? WebhookEventTypes.PlanPublished
                        : after == "closed" && before != "closed" ? WebhookEventTypes.PlanClosed
                        : null;
                    if (type is null) break;
                    List<int> ordinals = watch is null ? [] : await db.PlanItemAgencies.Where(a => a.PlanId == planId && watch.Ids.Contains(a.AgencyId))
                        .Select(a => a.Ordinal).Distinct().OrderBy(o => o).ToListAsync(ct);
                    if (watch is not null && ordinals.Count == 0) break;
                    var plan = await GetPlanHandler.FindAsync(db, planId, includeDrafts: true, ct);
                    events.Add((type, Data(change, plan, watch)));
                    // A plan published is work assigned: its items reach the agencies they name now.
                    if (type == WebhookEventTypes.PlanPublished)
                    {
                        foreach (var ordinal in ordinals)
                        {
                            var item = await GetPlanItemHandler.FindAsync(db, clock, planId, ordinal, includeDrafts: true, ct);
                            if (item is not null)
                                events.Add((WebhookEventTypes.PlanItemAssigned, new WebhookEventData(
                                    Links.Item(planId, ordinal), ETagOf(item), item, change.Sequence, watch!.Code)));
                        }
                    }
                    break;
                }
            case PlanItemResource.TypeName when change.ResourceKey.Split('/') is [var p, var o] && Guid.TryParse(p, out var itemPlanId)
                && int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out var itemOrdinal):
                {
                    if (subscription.PlanId is { } only && only != itemPlanId) break;
                    var item = change.Action == Common.Writes.AuditActions.Delete
                        ? null : await GetPlanItemHandler.FindAsync(db, clock, itemPlanId, itemOrdinal, includeDrafts: true, ct);
                    var data = Data(change, item, watch);
                    if (watch is null)
                    {
                        events.Add((change.Action switch
                        {
                            Common.Writes.AuditActions.Create => WebhookEventTypes.PlanItemCreated,
                            Common.Writes.AuditActions.Delete => WebhookEventTypes.PlanItemDeleted,
                            _ => WebhookEventTypes.PlanItemUpdated,
                        }, data));
                        break;
                    }
                    var wasNamed = AgenciesOf(change.Before)?.Overlaps(watch.Codes);
                    var isNamed = AgenciesOf(change.After)?.Overlaps(watch.Codes);
                    var involvedNow = item is not null && await db.PlanItemAgencies.AnyAsync(
                        a => a.PlanId == itemPlanId && a.Ordinal == itemOrdinal && watch.Ids.Contains(a.AgencyId), ct);
                    switch (change.Action)
                    {
                        case Common.Writes.AuditActions.Create when isNamed ?? involvedNow:
                            events.Add((WebhookEventTypes.PlanItemCreated, data));
                            events.Add((WebhookEventTypes.PlanItemAssigned, data));
                            break;
                        case Common.Writes.AuditActions.Delete when wasNamed == true:
                            events.Add((WebhookEventTypes.PlanItemDeleted, data));
                            events.Add((WebhookEventTypes.PlanItemUnassigned, data));
                            break;
                        case Common.Writes.AuditActions.Update when isNamed == true && wasNamed == false:
                            events.Add((WebhookEventTypes.PlanItemAssigned, data));
                            break;
                        case Common.Writes.AuditActions.Update when wasNamed == true && isNamed == false:
                            events.Add((WebhookEventTypes.PlanItemUnassigned, data));
                            break;
                        case Common.Writes.AuditActions.Update when isNamed == true || involvedNow:
                            events.Add((WebhookEventTypes.PlanItemUpdated, data));
                            break;
                    }
                    break;
                }
            case ProgressReportResource.TypeName when change.Action == Common.Writes.AuditActions.Create && Guid.TryParse(change.ResourceKey, out var reportId):
                {
                    var report = await GetProgressReportHandler.FindAsync(db, reportId, ct);
                    if (report is null || (subscription.PlanId is { } only && only != report.PlanId)) break;
                    if (watch is not null && !watch.Codes.Contains(report.ReportingAgency.Code) && !await db.PlanItemAgencies.AnyAsync(
                            a => a.PlanId == report.PlanId && a.Ordinal == report.Ordinal && watch.Ids.Contains(a.AgencyId), ct))
                        break;
                    events.Add((WebhookEventTypes.ProgressReportCreated, Data(change, report, watch)));
                    break;
                }
        }
        return events.Where(e => WebhookEventTypes.Wants(subscription, e.Type))
            .Select(e => new WebhookEvent(EventId($"{change.Sequence}|{e.Type}|{e.Data.Link}|{e.Data.Agency}"), e.Type, change.OccurredAt, e.Data))
            .ToList();
    }

    /// <summary>A webhook-id that the same event always gets (a replay re-derives it): <c>msg_</c> + 32 hex digits.</summary>
    public static string EventId(string seed) => "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)), 0, 16);

    public static string? ETagOf(object? resource) => resource is null ? null : ETags.For(ETags.Serialize(resource, resource.GetType()));

    private static WebhookEventData Data(FeedChange change, object? resource, WebhookWatch? watch) =>
        new(change.Link, ETagOf(resource), resource, change.Sequence, watch?.Code);

    private static string? Field(string? json, string name) =>
        json is null ? null : JsonNode.Parse(json)?[name]?.GetValue<string>();

    /// <summary>The codes of an item's lead and coordinators in an audit snapshot; null without one.</summary>
    private static HashSet<string>? AgenciesOf(string? json)
    {
        if (json is null || JsonNode.Parse(json) is not JsonObject item) return null;
        var codes = new HashSet<string>(StringComparer.Ordinal);
        if (item["lead"]?["code"]?.GetValue<string>() is { } lead) codes.Add(lead);
        foreach (var c in item["coordinators"]?.AsArray() ?? []) if (c?["code"]?.GetValue<string>() is { } code) codes.Add(code);
        return codes;
    }

    internal static class Links
    {
        public static string Item(Guid planId, int ordinal) => string.Create(CultureInfo.InvariantCulture, $"/api/v1/plans/{planId}/items/{ordinal}");
    }
}
