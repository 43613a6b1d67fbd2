using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;
using PlanApi.Features.Agencies;

namespace PlanApi.Features.Status;

/// <summary>One status row per published (or closed) plan, newest year first.</summary>
public sealed record ListPlanStatusesQuery(int? Year, string? Issuer, int Limit, int Offset) : IQuery<Page<PlanStatusRow>>, IPagedQuery;

internal sealed class ListPlanStatusesValidator : AbstractValidator<ListPlanStatusesQuery>
{
    public ListPlanStatusesValidator()
    {
        Include(new PagedQueryValidator<ListPlanStatusesQuery>());
        RuleFor(q => q.Year).InclusiveBetween(PlanYears.First, PlanYears.Last);
        RuleFor(q => q.Issuer).MaximumLength(Limits.Code).Clean();
    }
}

internal sealed class ListPlanStatusesHandler(PlanDbContext db, TimeProvider clock) : IQueryHandler<ListPlanStatusesQuery, Page<PlanStatusRow>>
{
    public async ValueTask<Page<PlanStatusRow>> Handle(ListPlanStatusesQuery query, CancellationToken ct)
    {
        var today = PlanCalendar.Today(clock);
        var overdue = ItemRules.Overdue(today);
        var plans = db.Plans.AsNoTracking().Where(p => p.Lifecycle != PlanLifecycle.Draft);
        if (query.Year is { } year) plans = plans.Where(p => p.Year == year);
        if (!string.IsNullOrEmpty(query.Issuer)) plans = plans.Where(p => p.Issuer!.Code == query.Issuer);
        var page = await plans
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.IssuedOn).ThenBy(p => p.Number)
            .Select(p => new
            {
                p.Id, p.Number, p.Title, p.Year, p.Lifecycle,
                Issuer = new AgencyRefDto(p.Issuer!.Code, p.Issuer.Name, p.Issuer.ShortName),
                Total = p.Items.Count,
                Completed = p.Items.Count(i => i.Status == ItemStatus.Completed),
                Cancelled = p.Items.Count(i => i.Status == ItemStatus.Cancelled),
                Overdue = p.Items.AsQueryable().Count(overdue),
                LastReportedAt = p.Items.Max(i => i.LastReportedAt),
            })
            .ToPageAsync(query, ct);
        return new Page<PlanStatusRow>(page.Items.Select(p => new PlanStatusRow(
            p.Id, p.Number, p.Title, p.Issuer, p.Year, p.Lifecycle, p.Total, p.Completed, p.Overdue,
            p.Total - p.Cancelled == 0 ? 0 : Math.Round(100m * p.Completed / (p.Total - p.Cancelled), 1),
            p.LastReportedAt)).ToList(), page.Total, page.Limit, page.Offset);
    }
}
