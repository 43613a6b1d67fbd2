using System.Globalization;
using PlanApi.Domain;

namespace PlanApi.Tests.Unit;

/// <summary>
/// Occurrences of recurring deadlines in a plan's year, which reports cover them, and when such an item is overdue:
/// while its current occurrence (the latest one due before today) has no report covering it.
/// </summary>
public sealed class RecurringDueTests
{
    private static readonly DateTimeOffset Noon = new(2023, 1, 1, 5, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DueFrequency.Monthly, null, null, 12, "2023-01-31", "2023-02-28", "2023-12-31")]
    [InlineData(DueFrequency.Monthly, null, 20, 12, "2023-01-20", "2023-02-20", "2023-12-20")]
    [InlineData(DueFrequency.Monthly, null, 31, 12, "2023-01-31", "2023-02-28", "2023-12-31")]
    [InlineData(DueFrequency.Quarterly, null, null, 4, "2023-03-31", "2023-06-30", "2023-12-31")]
    [InlineData(DueFrequency.HalfYearly, null, null, 2, "2023-06-30", "2023-12-31", "2023-12-31")]
    [InlineData(DueFrequency.Yearly, null, null, 1, "2023-12-31", null, "2023-12-31")]
    [InlineData(DueFrequency.Yearly, 5, null, 1, "2023-05-31", null, "2023-05-31")]
    [InlineData(DueFrequency.Yearly, 11, 15, 1, "2023-11-15", null, "2023-11-15")]
    [InlineData(DueFrequency.Yearly, 2, 29, 1, "2023-02-28", null, "2023-02-28")]
    [InlineData(DueFrequency.Weekly, null, null, 53, "2023-01-01", "2023-01-08", "2023-12-31")]
    public void Occurrences_in_the_plans_year(DueFrequency frequency, int? month, int? day, int count, string first, string? second, string last)
    {
        var all = DueOccurrences.Of(new DueRecurrence(frequency, month, day), 2023);
        Assert.Equal(count, all.Count);
        Assert.Equal(DateOnly.Parse(first, CultureInfo.InvariantCulture), all[0].Due);
        if (second is not null) Assert.Equal(DateOnly.Parse(second, CultureInfo.InvariantCulture), all[1].Due);
        Assert.Equal(DateOnly.Parse(last, CultureInfo.InvariantCulture), all[^1].Due);
        // Spans tile their part of the year: each starts the day after the previous one ends.
        for (var k = 1; k < all.Count; k++) Assert.Equal(all[k - 1].End.AddDays(1), all[k].Start);
    }

    [Fact]
    public void A_yearly_item_with_a_month_is_that_month_and_with_a_day_the_year()
    {
        Assert.Equal(new DueOccurrence(new(2023, 5, 1), new(2023, 5, 31), new(2023, 5, 31)),
            DueOccurrences.Of(new DueRecurrence(DueFrequency.Yearly, 5), 2023).Single());
        Assert.Equal(new DueOccurrence(new(2023, 1, 1), new(2023, 12, 31), new(2023, 11, 15)),
            DueOccurrences.Of(new DueRecurrence(DueFrequency.Yearly, 11, 15), 2023).Single());
    }

    [Theory]
    // A period that overlaps the month covers it; one that ends before it or starts after it does not.
    [InlineData("2023-03-01", "2023-03-31", "2023-04-03", true)]
    [InlineData("2023-01-01", "2023-03-31", "2023-04-03", true)]
    [InlineData("2023-03-31", "2023-03-31", "2023-04-03", true)]
    [InlineData("2023-02-01", "2023-02-28", "2023-03-15", false)]
    [InlineData("2023-04-01", "2023-04-30", "2023-03-15", false)]
    // Only one end: that day.
    [InlineData("2023-03-10", null, "2023-05-01", true)]
    [InlineData(null, "2023-03-10", "2023-05-01", true)]
    [InlineData(null, "2023-04-01", "2023-03-20", false)]
    // No period: the day it was reported.
    [InlineData(null, null, "2023-03-20", true)]
    [InlineData(null, null, "2023-04-03", false)]
    [InlineData(null, null, "2023-02-28", false)]
    public void A_report_covers_the_occurrences_its_period_or_else_its_day_overlaps(string? from, string? to, string reportedOn, bool covers)
    {
        var march = new DueOccurrence(new(2023, 3, 1), new(2023, 3, 31), new(2023, 3, 31));
        var span = new ReportSpan(from is null ? null : DateOnly.Parse(from, CultureInfo.InvariantCulture), to is null ? null : DateOnly.Parse(to, CultureInfo.InvariantCulture), DateOnly.Parse(reportedOn, CultureInfo.InvariantCulture));
        Assert.Equal(covers, DueOccurrences.Covers(span, march));
    }

    [Fact]
    public void A_monthly_item_is_overdue_while_its_current_month_has_no_report()
    {
        var item = Monthly();
        Assert.False(item.IsOverdue(new DateOnly(2023, 1, 31)));
        Assert.True(item.IsOverdue(new DateOnly(2023, 2, 1)));
        Assert.Equal(1, ItemRules.DaysOverdue(item.Status, item.OverdueDays, new DateOnly(2023, 2, 1)));

        // January's report, posted late in February without a period, covers February (the day it was made), not January.
        item.Apply(Report(new DateTimeOffset(2023, 2, 3, 3, 0, 0, TimeSpan.Zero)));
        Assert.True(item.IsOverdue(new DateOnly(2023, 2, 4)));
        // On 1 March February is the current occurrence, and it is covered: January no longer counts.
        Assert.False(item.IsOverdue(new DateOnly(2023, 3, 1)));
        Assert.False(item.IsOverdue(new DateOnly(2023, 3, 31)));
        Assert.True(item.IsOverdue(new DateOnly(2023, 4, 1)));

        // A report on January by its period makes the item not overdue in February either.
        item.Apply(Report(new DateTimeOffset(2023, 4, 2, 3, 0, 0, TimeSpan.Zero), new DateOnly(2023, 1, 1), new DateOnly(2023, 1, 31)));
        Assert.False(item.IsOverdue(new DateOnly(2023, 2, 10)));
        Assert.True(item.IsOverdue(new DateOnly(2023, 4, 2)));
    }

    [Fact]
    public void Days_overdue_count_from_the_first_of_the_uncovered_occurrences_in_a_row()
    {
        var item = Monthly();
        // Nothing reported: overdue since 1 February, the day after January was due.
        Assert.Equal(new DateOnly(2023, 2, 1), OverdueDays.Since(item.OverdueDays, new DateOnly(2023, 4, 10)));
        Assert.Equal(69, ItemRules.DaysOverdue(item.Status, item.OverdueDays, new DateOnly(2023, 4, 10)));
        // Months overdue in a row are one stretch of days, but each is still due in turn.
        Assert.Equal(new DateOnly(2023, 4, 30), ItemRules.NextDue(item.Status, item.DueKind, item.DueEnd, item.Due?.Every, item.OverdueDays, new DateOnly(2023, 4, 10)));
        item.Apply(Report(Noon, new DateOnly(2023, 2, 1), new DateOnly(2023, 2, 28)));
        Assert.Equal(10, ItemRules.DaysOverdue(item.Status, item.OverdueDays, new DateOnly(2023, 4, 10)));
    }

    [Fact]
    public void After_its_last_occurrence_an_uncovered_item_stays_overdue_and_a_covered_one_does_not()
    {
        var item = new PlanItem { Content = "x" };
        item.Schedule(2023, 4, ItemDue.Recurring(new DueRecurrence(DueFrequency.Quarterly)), "hằng quý");
        Assert.True(item.IsOverdue(new DateOnly(2024, 6, 1)));
        item.Apply(Report(Noon, new DateOnly(2023, 10, 1), new DateOnly(2023, 12, 31)));
        Assert.False(item.IsOverdue(new DateOnly(2024, 6, 1)));
        Assert.Null(ItemRules.NextDue(item.Status, item.DueKind, item.DueEnd, item.Due?.Every, item.OverdueDays, new DateOnly(2024, 1, 1)));
    }

    [Fact]
    public void Scheduling_again_checks_every_report_and_the_next_due_skips_covered_occurrences()
    {
        var item = new PlanItem { Content = "x" };
        var reports = new[] { new ReportSpan(null, null, new DateOnly(2023, 3, 5)), new ReportSpan(new(2023, 4, 1), new(2023, 4, 30), new(2023, 4, 29)) };
        item.Schedule(2023, 1, ItemDue.Recurring(new DueRecurrence(DueFrequency.Monthly, Day: 20)), "trước ngày 20 hằng tháng", reports);
        Assert.True(item.IsOverdue(new DateOnly(2023, 2, 21)));
        Assert.False(item.IsOverdue(new DateOnly(2023, 3, 21)));
        Assert.False(item.IsOverdue(new DateOnly(2023, 4, 21)));
        Assert.Equal(new DateOnly(2023, 5, 20), ItemRules.NextDue(item.Status, item.DueKind, item.DueEnd, item.Due?.Every, item.OverdueDays, new DateOnly(2023, 3, 21)));
    }

    [Fact]
    public void An_ongoing_item_is_never_overdue_nor_due_and_never_completed_late()
    {
        var item = new PlanItem { Content = "x" };
        item.Schedule(2023, 4, ItemDue.Ongoing, "thường xuyên");
        Assert.Equal((new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)), (item.DueStart, item.DueEnd));
        foreach (var day in new DateOnly[] { new(2023, 1, 1), new(2023, 12, 31), new(2024, 1, 1), new(2030, 6, 1) })
        {
            Assert.False(item.IsOverdue(day));
            Assert.Null(ItemRules.NextDue(item.Status, item.DueKind, item.DueEnd, item.Due?.Every, item.OverdueDays, day));
        }
        item.Apply(Report(new DateTimeOffset(2024, 3, 1, 3, 0, 0, TimeSpan.Zero), status: ItemStatus.Completed));
        Assert.False(ItemRules.CompletedLate(item.Status, item.CompletedOn, item.OverdueDays));
    }

    [Fact]
    public void A_date_is_due_on_that_day_and_a_range_at_its_end()
    {
        var date = new PlanItem { Content = "x" };
        date.Schedule(2023, 1, ItemDue.OnDate(new DateOnly(2023, 3, 15)), "trước ngày 15/3/2023");
        Assert.False(date.IsOverdue(new DateOnly(2023, 3, 15)));
        Assert.True(date.IsOverdue(new DateOnly(2023, 3, 16)));
        var range = new PlanItem { Content = "x" };
        range.Schedule(2023, 3, ItemDue.Between(new DateOnly(2023, 7, 1), new DateOnly(2023, 8, 31)), "Tháng 7 – 8/2023");
        Assert.False(range.IsOverdue(new DateOnly(2023, 8, 31)));
        Assert.True(range.IsOverdue(new DateOnly(2023, 9, 1)));
        Assert.Equal(new DateOnly(2023, 8, 31), ItemRules.NextDue(range.Status, range.DueKind, range.DueEnd, null, range.OverdueDays, new DateOnly(2023, 7, 15)));
    }

    private static PlanItem Monthly()
    {
        var item = new PlanItem { Content = "x" };
        item.Schedule(2023, 1, ItemDue.Recurring(new DueRecurrence(DueFrequency.Monthly)), "hằng tháng");
        return item;
    }

    private static ProgressReport Report(DateTimeOffset at, DateOnly? from = null, DateOnly? to = null, ItemStatus status = ItemStatus.InProgress) => new()
    {
        Summary = "x", Status = status, PercentComplete = status == ItemStatus.Completed ? 100 : 10, ReportedAt = at, PeriodFrom = from, PeriodTo = to,
    };
}
