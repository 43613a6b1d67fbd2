using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Webhooks;

public sealed record ListWebhookSubscriptionsQuery(string? CallerAgencyCode, int Limit, int Offset) : IQuery<Page<WebhookSubscriptionDto>>, IPagedQuery;

internal sealed class ListWebhookSubscriptionsValidator : AbstractValidator<ListWebhookSubscriptionsQuery>
{
    public ListWebhookSubscriptionsValidator() => Include(new PagedQueryValidator<ListWebhookSubscriptionsQuery>());
}

internal sealed class ListWebhookSubscriptionsHandler(PlanDbContext db) : IQueryHandler<ListWebhookSubscriptionsQuery, Page<WebhookSubscriptionDto>>
{
    public async ValueTask<Page<WebhookSubscriptionDto>> Handle(ListWebhookSubscriptionsQuery query, CancellationToken ct) =>
        await WebhookAccess.Visible(db, query.CallerAgencyCode).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(WebhookSubscriptionDto.Projection).ToPageAsync(query, ct);
}

public sealed record GetWebhookSubscriptionQuery(Guid Id, string? CallerAgencyCode) : IQuery<WebhookSubscriptionDto>;

internal sealed class GetWebhookSubscriptionHandler(PlanDbContext db) : IQueryHandler<GetWebhookSubscriptionQuery, WebhookSubscriptionDto>
{
    public async ValueTask<WebhookSubscriptionDto> Handle(GetWebhookSubscriptionQuery query, CancellationToken ct) =>
        await WebhookAccess.Visible(db, query.CallerAgencyCode).Where(s => s.Id == query.Id)
            .Select(WebhookSubscriptionDto.Projection).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("Webhook subscription", query.Id.ToString());
}

public sealed record ListWebhookDeliveriesQuery(Guid Id, string? CallerAgencyCode, int Limit, int Offset) : IQuery<Page<WebhookDeliveryDto>>, IPagedQuery;

internal sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesValidator() => Include(new PagedQueryValidator<ListWebhookDeliveriesQuery>());
}

internal sealed class ListWebhookDeliveriesHandler(PlanDbContext db) : IQueryHandler<ListWebhookDeliveriesQuery, Page<WebhookDeliveryDto>>
{
    /// <summary>Newest attempt first.</summary>
    public async ValueTask<Page<WebhookDeliveryDto>> Handle(ListWebhookDeliveriesQuery query, CancellationToken ct)
    {
        if (!await WebhookAccess.Visible(db, query.CallerAgencyCode).AnyAsync(s => s.Id == query.Id, ct))
            throw new NotFoundException("Webhook subscription", query.Id.ToString());
        return await db.Set<WebhookAttempt>().AsNoTracking().Where(a => a.SubscriptionId == query.Id)
            .OrderByDescending(a => a.Id)
            .Select(a => new WebhookDeliveryDto(a.EventId, a.EventType, a.Attempt, a.AttemptedAt, a.StatusCode, a.LatencyMs, a.Succeeded, a.Error))
            .ToPageAsync(query, ct);
    }
}
