using PlanApi.Common;
using PlanApi.Domain;
using PlanApi.Features.Plans;

namespace PlanApi.Features.Webhooks;

/// <summary>Contract examples of webhooks: Sở GD&amp;ĐT's document system subscribed to its items' reminders and assignments.</summary>
internal sealed class WebhookExamples : IContractExamples
{
    private static readonly WebhookSubscriptionFields Fields = new(
        "https://203.0.113.10/hooks/planapi", "Phần mềm QLVB Sở GD&ĐT",
        [WebhookEventTypes.PlanItemAssigned, WebhookEventTypes.PlanItemDueSoon, WebhookEventTypes.PlanItemOverdue], null, "so-gddt-can-tho");

    private static readonly WebhookSubscriptionDto Subscription = new(
        Guid.Parse("0195f3b0-0000-7000-8000-0000000000b1"), Fields.Url, Fields.Description, Fields.EventTypes!, null, Fields.AgencyCode,
        WebhookState.Active, null, 7_612_416_000_001, null, PlanExamples.Created, PlanExamples.Created);

    public IReadOnlyDictionary<Type, object> Examples => new Dictionary<Type, object>
    {
        [typeof(WebhookSubscriptionFields)] = Fields,
        [typeof(WebhookSubscriptionDto)] = Subscription,
        [typeof(Page<WebhookSubscriptionDto>)] = new Page<WebhookSubscriptionDto>([Subscription], 1, 20, 0),
        [typeof(IssuedWebhookSecretDto)] = new IssuedWebhookSecretDto(Subscription, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3Bx0fGwuYqs="),
        [typeof(WebhookDeliveryDto)] = new WebhookDeliveryDto("msg_5f1c0e9a3b7d42e8a6c1f0d9b8e7a6c5", WebhookEventTypes.PlanItemDueSoon, 2,
            PlanExamples.Reported, 200, 182, true, null),
        [typeof(Page<WebhookDeliveryDto>)] = new Page<WebhookDeliveryDto>(
            [new WebhookDeliveryDto("msg_5f1c0e9a3b7d42e8a6c1f0d9b8e7a6c5", WebhookEventTypes.PlanItemDueSoon, 2, PlanExamples.Reported, 200, 182, true, null),
             new WebhookDeliveryDto("msg_5f1c0e9a3b7d42e8a6c1f0d9b8e7a6c5", WebhookEventTypes.PlanItemDueSoon, 1, PlanExamples.Created, 503, 41, false,
                "The endpoint answered 503.")], 2, 20, 0),
        [typeof(RedeliverWebhookBody)] = new RedeliverWebhookBody("msg_5f1c0e9a3b7d42e8a6c1f0d9b8e7a6c5"),
    };
}
