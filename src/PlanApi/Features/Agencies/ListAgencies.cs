using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.Agencies;

/// <param name="Jurisdiction">A unit code (a province's code also lists the agencies of its lower units), or "none" for central bodies.</param>
/// <param name="AsOf">Only agencies that exist on this day.</param>
/// <param name="Active">true: only agencies that exist today; false: only those that have ended (or not begun).</param>
public sealed record ListAgenciesQuery(
    string? Q, AgencyKind? Kind, int Limit, int Offset, string? Jurisdiction = null, DateOnly? AsOf = null, bool? Active = null)
    : IQuery<Page<AgencyDto>>, IPagedQuery;

internal sealed class ListAgenciesValidator : AbstractValidator<ListAgenciesQuery>
{
    public ListAgenciesValidator()
    {
        Include(new PagedQueryValidator<ListAgenciesQuery>());
        RuleFor(q => q.Q).MaximumLength(200).Clean();
        RuleFor(q => q.Jurisdiction).Must(j => j is null || j == CentralJurisdiction || UnitCodes.IsValid(j))
            .WithMessage($"A unit code of 2, 3 or 5 digits (\"92\", \"916\", \"31135\"), or \"{CentralJurisdiction}\" for central bodies.");
    }

    public const string CentralJurisdiction = "none";
}

internal sealed class ListAgenciesHandler(PlanDbContext db, TimeProvider clock) : IQueryHandler<ListAgenciesQuery, Page<AgencyDto>>
{
    public async ValueTask<Page<AgencyDto>> Handle(ListAgenciesQuery query, CancellationToken ct)
    {
        var today = PlanCalendar.Today(clock);
        var agencies = db.Agencies.AsNoTracking();
        if (query.Kind is { } kind) agencies = agencies.Where(a => a.Kind == kind);
        agencies = query.Jurisdiction switch
        {
            null => agencies,
            ListAgenciesValidator.CentralJurisdiction => agencies.Where(a => a.JurisdictionCode == null),
            { Length: 2 } province => agencies.Where(a => a.JurisdictionProvinceCode == province),
            var unit => agencies.Where(a => a.JurisdictionCode == unit),
        };
        if (query.AsOf is { } day) agencies = agencies.ValidOn(day);
        if (query.Active is { } active)
            agencies = active ? agencies.ValidOn(today) : agencies.Where(a => a.ValidUntil < today || a.ValidFrom > today);
        var key = SearchText.Fold(query.Q);
        if (key.Length > 0)
        {
            var pattern = $"%{key}%";
            agencies = agencies
                .Where(a => EF.Functions.Like(a.SearchKey, pattern) || a.Code == query.Q || a.IdentifierCode == query.Q)
                .OrderByDescending(a => a.Code == query.Q || a.IdentifierCode == query.Q)
                .ThenByDescending(a => EF.Functions.Like(a.SearchKey, $"%| {key} |%"))
                .ThenByDescending(a => EF.Functions.TrigramsWordSimilarity(key, a.SearchKey))
                .ThenBy(a => a.Code);
        }
        else
        {
            agencies = agencies.OrderBy(a => a.Code);
        }
        return await AgencyReads.CompleteAsync(db, await agencies.Select(AgencyDto.Projection).ToPageAsync(query, ct), today, ct);
    }
}
