using Microsoft.EntityFrameworkCore;
using PlanApi.Common.Writes;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Webhooks;

/// <summary>Webhook subscriptions in the audit trail only (the feed does not publish them); a secret never reaches it.</summary>
internal sealed class WebhookSubscriptionResource : WritableResource<WebhookSubscriptionDto>
{
    public const string TypeName = "webhook_subscription";

    public override string Type => TypeName;

    public override IReadOnlyList<Type> Representations => [typeof(WebhookSubscriptionDto), typeof(IssuedWebhookSecretDto)];

    public override bool InChangeFeed => false;

    public override string Link(string key) => $"/api/v1/webhook-subscriptions/{key}";

    public override string? KeyOf(object representation) =>
        representation is IssuedWebhookSecretDto issued ? issued.Subscription.Id.ToString() : base.KeyOf(representation);

    public override object ForAudit(object representation) =>
        representation is IssuedWebhookSecretDto issued ? issued.Subscription : representation;

    protected override string KeyOf(WebhookSubscriptionDto subscription) => subscription.Id.ToString();

    protected override async Task<WebhookSubscriptionDto?> ReadAsync(PlanDbContext db, TimeProvider clock, string key, CancellationToken ct) =>
        Guid.TryParse(key, out var id) ? await FindAsync(db, id, ct) : null;

    /// <summary>The subscription as a GET shows it, or null.</summary>
    public static Task<WebhookSubscriptionDto?> FindAsync(PlanDbContext db, Guid id, CancellationToken ct) =>
        db.Set<WebhookSubscription>().AsNoTracking().Where(s => s.Id == id).Select(WebhookSubscriptionDto.Projection).SingleOrDefaultAsync(ct);
}
