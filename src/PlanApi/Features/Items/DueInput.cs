using FluentValidation;
using PlanApi.Domain;

namespace PlanApi.Features.Items;

/// <summary>
/// A deadline as written in a request. Without <c>kind</c> it is a month, as in v1: <c>{year, month, part}</c>. Each
/// kind takes its own fields and no other: month (year, month, part), date (date), range (start, end), ongoing (none),
/// recurring (recurrence).
/// </summary>
/// <param name="Year">Year, 2000–2100 (kind month).</param>
/// <param name="Month">Month, 1–12 (kind month).</param>
/// <param name="Part">early (đầu tháng), mid (giữa tháng), late (cuối tháng) or whole (default) (kind month).</param>
/// <param name="Kind">month (default), date, range, ongoing or recurring.</param>
/// <param name="Date">The day it is due on (kind date): "Ngày 11/6/2023", "trước ngày 15/3/2023".</param>
/// <param name="Start">First day of the window (kind range): "Tháng 7 – 8/2023" starts on 2023-07-01.</param>
/// <param name="End">Last day of the window, when it is due (kind range); not before start.</param>
/// <param name="Recurrence">How often it is due (kind recurring): "hằng quý", "Trước ngày 15/11 hằng năm".</param>
public sealed record DuePeriodInput(
    int? Year = null, int? Month = null, MonthPart? Part = null, DueKind? Kind = null, DateOnly? Date = null,
    DateOnly? Start = null, DateOnly? End = null,
    // Left out when null, as in the import preview's items: OpenAPI 3.0 validators refuse null for a referenced object.
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    DueRecurrenceInput? Recurrence = null)
{
    /// <summary>The deadline; call after <see cref="DuePeriodInputValidator"/> accepted it.</summary>
    public ItemDue ToDue() => (Kind ?? DueKind.Month) switch
    {
        DueKind.Month => ItemDue.InMonth(new DuePeriod(Year!.Value, Month!.Value, Part ?? MonthPart.Whole)),
        DueKind.Date => ItemDue.OnDate(Date!.Value),
        DueKind.Range => ItemDue.Between(Start!.Value, End!.Value),
        DueKind.Recurring => ItemDue.Recurring(new DueRecurrence(Recurrence!.Frequency!.Value, Recurrence.Month, Recurrence.Day)),
        _ => ItemDue.Ongoing,
    };
}

/// <summary>A recurring deadline as written in a request; its occurrences fall in the plan's year.</summary>
/// <param name="Frequency">weekly, monthly, quarterly, half_yearly or yearly. Required.</param>
/// <param name="Month">The month a yearly item falls in, 1–12 ("Tháng 5 hằng năm"); yearly only.</param>
/// <param name="Day">The day it is due by: of each month (monthly, 1–31, the month's last day when shorter: "trước
/// ngày 20 hằng tháng") or of <c>month</c> (yearly: "Trước ngày 15/11 hằng năm").</param>
public sealed record DueRecurrenceInput(DueFrequency? Frequency, int? Month = null, int? Day = null);

/// <summary>Checks a <c>due</c>, as the child of an item's fields: errors are named from the item ("due.start").</summary>
internal sealed class DuePeriodInputValidator : AbstractValidator<DuePeriodInput>
{
    public DuePeriodInputValidator()
    {
        RuleFor(d => d.Kind).IsInEnum().OverridePropertyName("kind").WithName("due.kind");
        When(d => d.Kind is null or DueKind.Month, () =>
        {
            RuleFor(d => d.Year).NotNull().InclusiveBetween(PlanYears.First, PlanYears.Last).OverridePropertyName("year").WithName("due.year");
            RuleFor(d => d.Month).NotNull().InclusiveBetween(1, 12).OverridePropertyName("month").WithName("due.month");
            RuleFor(d => d.Part).IsInEnum().OverridePropertyName("part").WithName("due.part");
        });
        When(d => d.Kind == DueKind.Date, () =>
            RuleFor(d => d.Date).NotNull().Must(InRange!).WithMessage(YearsMessage).OverridePropertyName("date").WithName("due.date"));
        When(d => d.Kind == DueKind.Range, () =>
        {
            RuleFor(d => d.Start).NotNull().Must(InRange!).WithMessage(YearsMessage).OverridePropertyName("start").WithName("due.start");
            RuleFor(d => d.End).NotNull().Must(InRange!).WithMessage(YearsMessage).OverridePropertyName("end").WithName("due.end");
            RuleFor(d => d.End).GreaterThanOrEqualTo(d => d.Start).When(d => d.Start is not null && d.End is not null)
                .WithMessage("The window cannot end before it starts.").OverridePropertyName("end").WithName("due.end");
        });
        When(d => d.Kind == DueKind.Recurring, () =>
        {
            RuleFor(d => d.Recurrence).NotNull().OverridePropertyName("recurrence").WithName("due.recurrence");
            When(d => d.Recurrence is not null, () =>
            {
                RuleFor(d => d.Recurrence!.Frequency).NotNull().IsInEnum().OverridePropertyName("recurrence.frequency").WithName("due.recurrence.frequency");
                RuleFor(d => d.Recurrence!.Month).Null().When(d => d.Recurrence!.Frequency != DueFrequency.Yearly)
                    .WithMessage("Only a yearly deadline names a month.").OverridePropertyName("recurrence.month").WithName("due.recurrence.month");
                RuleFor(d => d.Recurrence!.Month).InclusiveBetween(1, 12).OverridePropertyName("recurrence.month").WithName("due.recurrence.month");
                RuleFor(d => d.Recurrence!.Day).Null().When(d => d.Recurrence!.Frequency is not (DueFrequency.Monthly or DueFrequency.Yearly))
                    .WithMessage("Only a monthly or yearly deadline names a day.").OverridePropertyName("recurrence.day").WithName("due.recurrence.day");
                RuleFor(d => d.Recurrence!.Day).InclusiveBetween(1, 31).OverridePropertyName("recurrence.day").WithName("due.recurrence.day");
                RuleFor(d => d.Recurrence!.Day).Must((d, day) => d.Recurrence!.Month is { } m and >= 1 and <= 12 && day <= DateTime.DaysInMonth(2024, m))
                    .When(d => d.Recurrence!.Frequency == DueFrequency.Yearly && d.Recurrence.Day is not null)
                    .WithMessage("A yearly day needs its month, and must be a day of it.").OverridePropertyName("recurrence.day").WithName("due.recurrence.day");
            });
        });
        // Each kind takes its own fields: a field of another kind is a mistake to say, not to ignore.
        Only("due.year", d => d.Year, DueKind.Month);
        Only("due.month", d => d.Month, DueKind.Month);
        Only("due.part", d => d.Part, DueKind.Month);
        Only("due.date", d => d.Date, DueKind.Date);
        Only("due.start", d => d.Start, DueKind.Range);
        Only("due.end", d => d.End, DueKind.Range);
        Only("due.recurrence", d => d.Recurrence, DueKind.Recurring);
    }

    private const string YearsMessage = "The date must be in " + PlanYears.Range + ".";

    private static bool InRange(DateOnly? date) => date is not { } d || PlanYears.Contains(d.Year);

    private void Only<T>(string name, System.Linq.Expressions.Expression<Func<DuePeriodInput, T>> field, DueKind kind) =>
        RuleFor(field).Null().When(d => (d.Kind ?? DueKind.Month) != kind && Enum.IsDefined(d.Kind ?? DueKind.Month))
            .WithMessage(d => $"A deadline of kind '{Common.EnumNames<DueKind>.ToName(d.Kind ?? DueKind.Month)}' has no {name[4..]}; it is for kind '{Common.EnumNames<DueKind>.ToName(kind)}'.")
            .OverridePropertyName(name[4..]).WithName(name);
}
