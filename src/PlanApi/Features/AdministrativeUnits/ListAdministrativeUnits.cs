using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.AdministrativeUnits;

/// <param name="AsOf">The day the list is read at; null: today in Việt Nam.</param>
public sealed record ListAdministrativeUnitsQuery(
    UnitLevel? Level, string? Parent, string? Province, string? Q, DateOnly? AsOf, int Limit, int Offset)
    : IQuery<Page<AdministrativeUnitSummaryDto>>, IPagedQuery;

internal sealed class ListAdministrativeUnitsValidator : AbstractValidator<ListAdministrativeUnitsQuery>
{
    public ListAdministrativeUnitsValidator()
    {
        Include(new PagedQueryValidator<ListAdministrativeUnitsQuery>());
        RuleFor(q => q.Parent).UnitCode();
        RuleFor(q => q.Province).UnitCode();
        RuleFor(q => q.Q).MaximumLength(200).Clean();
        RuleFor(q => q.AsOf).AsOf();
    }
}

internal sealed class ListAdministrativeUnitsHandler(PlanDbContext db, TimeProvider clock)
    : IQueryHandler<ListAdministrativeUnitsQuery, Page<AdministrativeUnitSummaryDto>>
{
    public async ValueTask<Page<AdministrativeUnitSummaryDto>> Handle(ListAdministrativeUnitsQuery query, CancellationToken ct)
    {
        var units = db.AdministrativeUnits.AsNoTracking().ValidOn(query.AsOf.OrToday(clock));
        if (query.Level is { } level) units = units.Where(u => u.Level == level);
        if (!string.IsNullOrEmpty(query.Parent)) units = units.Where(u => u.Parent!.Code == query.Parent);
        if (!string.IsNullOrEmpty(query.Province)) units = units.Where(u => u.ProvinceCode == query.Province);
        var key = SearchText.Fold(query.Q);
        if (key.Length > 0)
        {
            var code = query.Q!.Trim();
            var (contains, prefix) = ($"%{key}%", $"{key}%");
            // The search key is the folded full name, "<type> <name>". Folding keeps the length of NFC Vietnamese
            // text (one precomposed letter folds to one letter), so the folded name starts after the type's length.
            units = units
                .Where(u => EF.Functions.Like(u.SearchKey, contains) || u.Code == code)
                .OrderBy(u => u.Code == code ? 0
                    : u.SearchKey == key || u.SearchKey.Substring(u.Type.Length + 1) == key ? 1
                    : EF.Functions.Like(u.SearchKey, prefix) || EF.Functions.Like(u.SearchKey.Substring(u.Type.Length + 1), prefix) ? 2
                    : 3)
                .ThenBy(u => u.Code.Length).ThenBy(u => u.Code);
        }
        else
        {
            // Codes of one level have one length: provinces, then districts, then communes, each by code.
            units = units.OrderBy(u => u.Code.Length).ThenBy(u => u.Code);
        }
        return await units
            .Select(AdministrativeUnitSummaryDto.Projection)
            .ToPageAsync(query, ct);
    }
}
