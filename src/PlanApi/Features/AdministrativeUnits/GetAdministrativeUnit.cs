using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PlanApi.Common;
using PlanApi.Data;
using PlanApi.Domain;

namespace PlanApi.Features.AdministrativeUnits;

/// <param name="AsOf">The day the code is read at; null: today in Việt Nam.</param>
public sealed record GetAdministrativeUnitQuery(string Code, DateOnly? AsOf) : IQuery<AdministrativeUnitDto>;

internal sealed class GetAdministrativeUnitValidator : AbstractValidator<GetAdministrativeUnitQuery>
{
    public GetAdministrativeUnitValidator() => RuleFor(q => q.AsOf).AsOf();
}

/// <summary>The code names no unit yet on the requested day, only from a later one.</summary>
internal sealed class AdministrativeUnitNotYetValidException(string code, DateOnly asOf, DateOnly from)
    : ApiException(StatusCodes.Status404NotFound, "Not found",
        $"Administrative unit '{code}' does not exist on {asOf:yyyy-MM-dd}: the code exists from {from:yyyy-MM-dd}.");

internal sealed class GetAdministrativeUnitHandler(PlanDbContext db, TimeProvider clock)
    : IQueryHandler<GetAdministrativeUnitQuery, AdministrativeUnitDto>
{
    public async ValueTask<AdministrativeUnitDto> Handle(GetAdministrativeUnitQuery query, CancellationToken ct)
    {
        var asOf = query.AsOf.OrToday(clock);
        var versions = await db.AdministrativeUnits.AsNoTracking().Where(u => u.Code == query.Code).ToListAsync(ct);
        if (versions.Count == 0) throw new NotFoundException("Administrative unit", query.Code);
        // A unit that had ended by then is answered as it ended: its validUntil and successors say where it went.
        var version = versions.FirstOrDefault(u => u.IsValidOn(asOf))
            ?? versions.Where(u => u.ValidUntil < asOf).MaxBy(u => u.ValidUntil)
            ?? throw new AdministrativeUnitNotYetValidException(query.Code, asOf, versions.Min(u => u.ValidFrom)!.Value);
        return await db.AdministrativeUnits.AsNoTracking().AsSplitQuery()
            .Where(u => u.Id == version.Id)
            .Select(u => new AdministrativeUnitDto(
                u.Code, u.Level, u.Name, u.FullName, u.Type, u.ProvinceCode,
                u.Parent == null ? null : new AdministrativeUnitRefDto(u.Parent.Code, u.Parent.FullName),
                u.ValidFrom, u.ValidUntil,
                db.AdministrativeUnits.Where(c => c.ParentId == u.Id).OrderBy(c => c.Code)
                    .Select(c => new AdministrativeUnitRefDto(c.Code, c.FullName)).ToList(),
                u.Successors.OrderBy(s => s.Successor!.Code).Select(s => new AdministrativeUnitSuccessionDto(
                    s.Successor!.Code, s.Successor.FullName, s.Successor.Level, s.Successor.ValidFrom, s.Successor.ValidUntil,
                    s.Kind, s.EffectiveOn)).ToList(),
                u.Predecessors.OrderBy(s => s.Predecessor!.Code).Select(s => new AdministrativeUnitSuccessionDto(
                    s.Predecessor!.Code, s.Predecessor.FullName, s.Predecessor.Level, s.Predecessor.ValidFrom, s.Predecessor.ValidUntil,
                    s.Kind, s.EffectiveOn)).ToList()))
            .SingleAsync(ct);
    }
}
