using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;

namespace PlanApi.Features.Audit;

/// <summary>One accepted write.</summary>
/// <param name="Id">The entry's id.</param>
/// <param name="OccurredAt">When the write was accepted.</param>
/// <param name="ClientId">The credential: "key:{id}" for API keys, "jwt:{client}" for tokens, "cli" for the command line.</param>
/// <param name="ClientName">The client system's name.</param>
/// <param name="KeyId">The API key used, if any.</param>
/// <param name="AgencyCode">The credential's agency (reporters).</param>
/// <param name="Action">create, update or delete.</param>
/// <param name="ResourceType">plan, plan_item, progress_report, agency, grouping or api_key.</param>
/// <param name="ResourceKey">The resource's id, code, or "{planId}/{ordinal}" for items.</param>
/// <param name="Before">The resource as the API showed it before the write; null for creates.</param>
/// <param name="After">The resource after the write; null for deletes.</param>
/// <param name="TraceId">The request's trace id.</param>
public sealed record AuditEntryDto(
    Guid Id, DateTimeOffset OccurredAt, string ClientId, string ClientName, Guid? KeyId, string? AgencyCode, string Action,
    string ResourceType, string ResourceKey, JsonElement? Before, JsonElement? After, string? TraceId);

public sealed record ListAuditEntriesQuery(
    string? ResourceType, string? ResourceKey, string? Client, DateTimeOffset? From, DateTimeOffset? To, int Limit, int Offset)
    : IQuery<Page<AuditEntryDto>>, IPagedQuery;

internal sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntriesQuery>
{
    public ListAuditEntriesValidator()
    {
        Include(new PagedQueryValidator<ListAuditEntriesQuery>());
        RuleFor(q => q.ResourceType).MaximumLength(32).Clean();
        RuleFor(q => q.ResourceKey).MaximumLength(Limits.Name).Clean();
        RuleFor(q => q.Client).MaximumLength(Limits.Name).Clean();
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null);
    }
}

internal sealed class ListAuditEntriesHandler(PlanDbContext db) : IQueryHandler<ListAuditEntriesQuery, Page<AuditEntryDto>>
{
    public async ValueTask<Page<AuditEntryDto>> Handle(ListAuditEntriesQuery query, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(query.ResourceType)) entries = entries.Where(e => e.ResourceType == query.ResourceType);
        if (!string.IsNullOrEmpty(query.ResourceKey)) entries = entries.Where(e => e.ResourceKey == query.ResourceKey);
        if (!string.IsNullOrEmpty(query.Client)) entries = entries.Where(e => e.ClientId == query.Client || e.ClientName == query.Client);
        if (query.From is { } from) entries = entries.Where(e => e.OccurredAt >= from.ToUniversalTime());
        if (query.To is { } to) entries = entries.Where(e => e.OccurredAt <= to.ToUniversalTime());
        var page = await entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).ToPageAsync(query, ct);
        return new Page<AuditEntryDto>(page.Items.Select(e => new AuditEntryDto(
            e.Id, e.OccurredAt, e.ClientId, e.ClientName, e.KeyId, e.AgencyCode, e.Action, e.ResourceType, e.ResourceKey,
            Parse(e.Before), Parse(e.After), e.TraceId)).ToList(), page.Total, page.Limit, page.Offset);
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
