using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PlanApi.Data;
using PlanApi.Domain;
using PlanApi.Features.Items;

namespace PlanApi.Features.Webhooks;

/// <summary>
/// Time events: <c>plan_item.due_soon</c> from <see cref="WebhookOptions.DueSoonDays"/> days before a due end to the
/// day itself, <c>plan_item.overdue</c> from the day after it; per occurrence for a recurring item. Items of published
/// plans that are still open only, and occurrences not yet covered by a report. Each is queued once per subscription,
/// item, due date and kind: its <see cref="WebhookReminder"/> row (whose key is exactly that) commits with the queued
/// message, so neither a restart nor a second instance sends it twice.
/// </summary>
internal static class WebhookReminders
{
    public static async Task<List<(WebhookReminder Reminder, WebhookEvent Event)>> DueAsync(
        PlanDbContext db, TimeProvider clock, WebhookSubscription subscription, WebhookWatch? watch, WebhookOptions options, CancellationToken ct)
    {
        var soon = WebhookEventTypes.Wants(subscription, WebhookEventTypes.PlanItemDueSoon);
        var overdue = WebhookEventTypes.Wants(subscription, WebhookEventTypes.PlanItemOverdue);
        if (!soon && !overdue) return [];
        var now = clock.GetUtcNow();
        var today = PlanCalendar.Today(clock);
        var latest = today.AddDays(options.DueSoonDays);
        // A deadline that passed before the subscription began is not news.
        var earliest = subscription.RemindersFrom.AddDays(-1);
        var query = db.PlanItems.AsNoTracking().Where(i => i.Plan!.Lifecycle == PlanLifecycle.Published
            && i.Status != ItemStatus.Completed && i.Status != ItemStatus.Cancelled
            && (i.DueKind == null || i.DueKind != DueKind.Ongoing)
            && i.DueStart <= latest && i.DueEnd >= earliest);
        if (subscription.PlanId is { } planId) query = query.Where(i => i.PlanId == planId);
        if (watch is not null) query = query.Where(i => db.PlanItemAgencies.Any(a => a.PlanItemId == i.Id && watch.Ids.Contains(a.AgencyId)));
        var items = await query.OrderBy(i => i.PlanId).ThenBy(i => i.Ordinal).ToListAsync(ct);
        if (items.Count == 0) return [];

        var ids = items.Select(i => i.Id).ToList();
        var sent = (await db.Set<WebhookReminder>().AsNoTracking()
                .Where(r => r.SubscriptionId == subscription.Id && ids.Contains(r.PlanItemId))
                .Select(r => new { r.PlanItemId, r.Due, r.Kind }).ToListAsync(ct))
            .Select(r => (r.PlanItemId, r.Due, r.Kind)).ToHashSet();
        var queued = new List<(WebhookReminder, WebhookEvent)>();
        foreach (var item in items)
        {
            var occurrences = item.DueKind == DueKind.Recurring
                // An occurrence a report covers is done: the day after it is not an overdue day.
                ? item.Occurrences().Where(o => OverdueDays.Includes(item.OverdueDays, o.Due.AddDays(1))).ToList()
                : [new DueOccurrence(item.DueStart, item.DueEnd, item.DueEnd)];
            foreach (var occurrence in occurrences)
            {
                var kind = soon && today >= occurrence.Due.AddDays(-options.DueSoonDays) && today <= occurrence.Due ? WebhookEventTypes.PlanItemDueSoon
                    : overdue && today > occurrence.Due && occurrence.Due >= earliest ? WebhookEventTypes.PlanItemOverdue
                    : null;
                if (kind is null || sent.Contains((item.Id, occurrence.Due, kind))) continue;
                var dto = await GetPlanItemHandler.FindAsync(db, clock, item.PlanId, item.Ordinal, includeDrafts: true, ct);
                if (dto is null) continue;
                var link = WebhookEvents.Links.Item(item.PlanId, item.Ordinal);
                var id = WebhookEvents.EventId(string.Create(CultureInfo.InvariantCulture, $"{kind}|{item.Id}|{occurrence.Due:yyyy-MM-dd}|{watch?.Code}"));
                queued.Add((
                    new WebhookReminder { SubscriptionId = subscription.Id, PlanItemId = item.Id, Due = occurrence.Due, Kind = kind, CreatedAt = now },
                    new WebhookEvent(id, kind, now, new WebhookEventData(link, WebhookEvents.ETagOf(dto), dto, null, watch?.Code, occurrence))));
            }
        }
        return queued;
    }
}
