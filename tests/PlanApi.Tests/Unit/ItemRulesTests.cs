using System.Globalization;
using PlanApi.Domain;

namespace PlanApi.Tests.Unit;

/// <summary>Overdue, days overdue, completed late and the percent a status implies.</summary>
public sealed class ItemRulesTests
{
    private static readonly DateOnly DueEnd = new(2023, 2, 10);

    [Theory]
    [InlineData(ItemStatus.NotStarted)]
    [InlineData(ItemStatus.InProgress)]
    [InlineData(ItemStatus.Postponed)]
    public void Open_item_is_not_overdue_on_the_last_day_of_its_window(ItemStatus status)
    {
        Assert.False(ItemRules.IsOverdue(status, DueEnd, DueEnd));
        Assert.Equal(0, ItemRules.DaysOverdue(status, DueEnd, DueEnd));
    }

    [Theory]
    [InlineData(ItemStatus.NotStarted)]
    [InlineData(ItemStatus.InProgress)]
    [InlineData(ItemStatus.Postponed)]
    public void Open_item_is_overdue_from_the_day_after_its_window(ItemStatus status)
    {
        Assert.True(ItemRules.IsOverdue(status, DueEnd, new DateOnly(2023, 2, 11)));
        Assert.Equal(1, ItemRules.DaysOverdue(status, DueEnd, new DateOnly(2023, 2, 11)));
    }

    [Theory]
    [InlineData(ItemStatus.NotStarted)]
    [InlineData(ItemStatus.InProgress)]
    [InlineData(ItemStatus.Postponed)]
    public void Open_item_is_not_overdue_before_its_window_ends(ItemStatus status)
    {
        Assert.False(ItemRules.IsOverdue(status, DueEnd, new DateOnly(2023, 2, 1)));
        Assert.False(ItemRules.IsOverdue(status, DueEnd, new DateOnly(2023, 2, 9)));
        Assert.Equal(0, ItemRules.DaysOverdue(status, DueEnd, new DateOnly(2023, 1, 1)));
    }

    [Theory]
    [InlineData(ItemStatus.Completed)]
    [InlineData(ItemStatus.Cancelled)]
    public void Completed_or_cancelled_item_is_never_overdue(ItemStatus status)
    {
        foreach (var today in new[] { DueEnd, DueEnd.AddDays(1), new DateOnly(2023, 3, 15), new DateOnly(2030, 1, 1) })
        {
            Assert.False(ItemRules.IsOverdue(status, DueEnd, today));
            Assert.Equal(0, ItemRules.DaysOverdue(status, DueEnd, today));
        }
    }

    [Theory]
    [InlineData("2023-02-11", 1)]
    [InlineData("2023-02-28", 18)]
    [InlineData("2023-03-15", 33)]
    [InlineData("2024-02-10", 365)]
    public void Days_overdue_counts_days_since_the_window_ended(string today, int days) =>
        Assert.Equal(days, ItemRules.DaysOverdue(ItemStatus.InProgress, DueEnd, DateOnly.Parse(today, CultureInfo.InvariantCulture)));

    [Fact]
    public void Days_overdue_crosses_a_leap_day()
    {
        var end = new DateOnly(2024, 2, 28);
        Assert.Equal(2, ItemRules.DaysOverdue(ItemStatus.NotStarted, end, new DateOnly(2024, 3, 1)));
    }

    [Theory]
    [InlineData("2023-02-11", true)]
    [InlineData("2023-03-15", true)]
    [InlineData("2023-02-10", false)]
    [InlineData("2023-02-01", false)]
    public void Completed_late_when_completed_after_the_window(string completedOn, bool late) =>
        Assert.Equal(late, ItemRules.CompletedLate(ItemStatus.Completed, DateOnly.Parse(completedOn, CultureInfo.InvariantCulture), DueEnd));

    [Theory]
    [InlineData(ItemStatus.NotStarted)]
    [InlineData(ItemStatus.InProgress)]
    [InlineData(ItemStatus.Postponed)]
    [InlineData(ItemStatus.Cancelled)]
    public void Only_a_completed_item_is_completed_late(ItemStatus status) =>
        Assert.False(ItemRules.CompletedLate(status, new DateOnly(2023, 3, 15), DueEnd));

    [Fact]
    public void Completed_without_a_completion_date_is_not_late() =>
        Assert.False(ItemRules.CompletedLate(ItemStatus.Completed, null, DueEnd));

    [Theory]
    [InlineData(ItemStatus.Completed)]
    [InlineData(ItemStatus.Cancelled)]
    public void Completed_and_cancelled_are_closed(ItemStatus status) => Assert.True(ItemRules.IsClosed(status));

    [Theory]
    [InlineData(ItemStatus.NotStarted)]
    [InlineData(ItemStatus.InProgress)]
    [InlineData(ItemStatus.Postponed)]
    public void Other_statuses_are_open(ItemStatus status) => Assert.False(ItemRules.IsClosed(status));

    [Theory]
    [InlineData(ItemStatus.Completed, 100)]
    [InlineData(ItemStatus.NotStarted, 0)]
    [InlineData(ItemStatus.InProgress, 0)]
    [InlineData(ItemStatus.InProgress, 1)]
    [InlineData(ItemStatus.InProgress, 50)]
    [InlineData(ItemStatus.InProgress, 99)]
    [InlineData(ItemStatus.Postponed, 0)]
    [InlineData(ItemStatus.Postponed, 40)]
    [InlineData(ItemStatus.Postponed, 100)]
    [InlineData(ItemStatus.Cancelled, 0)]
    [InlineData(ItemStatus.Cancelled, 70)]
    public void Percent_allowed_for_status(ItemStatus status, int percent) =>
        Assert.Null(ItemRules.CheckPercent(status, percent));

    [Theory]
    [InlineData(ItemStatus.Completed, 0, "A completed item is 100% complete.")]
    [InlineData(ItemStatus.Completed, 50, "A completed item is 100% complete.")]
    [InlineData(ItemStatus.Completed, 99, "A completed item is 100% complete.")]
    [InlineData(ItemStatus.NotStarted, 1, "An item that has not started is 0% complete.")]
    [InlineData(ItemStatus.NotStarted, 100, "An item that has not started is 0% complete.")]
    [InlineData(ItemStatus.InProgress, 100, "An item at 100% is completed; report status 'completed'.")]
    public void Percent_refused_for_status(ItemStatus status, int percent, string message) =>
        Assert.Equal(message, ItemRules.CheckPercent(status, percent));
}
