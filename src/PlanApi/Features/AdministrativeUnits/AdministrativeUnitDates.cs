using FluentValidation;
using PlanApi.Domain;

namespace PlanApi.Features.AdministrativeUnits;

/// <summary>Reading units at a date: the <c>asOf</c> rule and filter every unit query shares.</summary>
internal static class AdministrativeUnitDates
{
    // The bounds plan dates have: a date outside them is a client's mistake, not a question about history.
    private static readonly DateOnly Earliest = Validity.Earliest;
    private static readonly DateOnly Latest = new(PlanYears.Last, 12, 31);

    public const string CodeMessage = "A unit code is 2 (province), 3 (district) or 5 (commune) digits, e.g. '92'.";

    /// <summary>The requested day, or today in Việt Nam.</summary>
    public static DateOnly OrToday(this DateOnly? asOf, TimeProvider clock) => asOf ?? PlanCalendar.Today(clock);

    public static IRuleBuilderOptions<T, DateOnly?> AsOf<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.InclusiveBetween(Earliest, Latest)
            .WithMessage($"Give a date from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd} (yyyy-MM-dd).");

    public static IRuleBuilderOptions<T, string?> UnitCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(code => code is null || UnitCodes.IsValid(code)).WithMessage(CodeMessage);
}
