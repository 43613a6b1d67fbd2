using System.Globalization;
using PlanApi.Domain;

namespace PlanApi.Tests.Unit;

/// <summary>Due windows: đầu tháng = days 1–10, giữa tháng = 11–20, cuối tháng = 21 to the month's end.</summary>
public sealed class DuePeriodTests
{
    [Theory]
    [InlineData(2023, 2, MonthPart.Early, "2023-02-01", "2023-02-10")]
    [InlineData(2023, 2, MonthPart.Mid, "2023-02-11", "2023-02-20")]
    [InlineData(2023, 2, MonthPart.Late, "2023-02-21", "2023-02-28")]
    [InlineData(2024, 2, MonthPart.Late, "2024-02-21", "2024-02-29")]
    [InlineData(2000, 2, MonthPart.Late, "2000-02-21", "2000-02-29")]
    [InlineData(2100, 2, MonthPart.Late, "2100-02-21", "2100-02-28")]
    [InlineData(2023, 2, MonthPart.Whole, "2023-02-01", "2023-02-28")]
    [InlineData(2024, 2, MonthPart.Whole, "2024-02-01", "2024-02-29")]
    [InlineData(2023, 4, MonthPart.Late, "2023-04-21", "2023-04-30")]
    [InlineData(2023, 12, MonthPart.Late, "2023-12-21", "2023-12-31")]
    [InlineData(2023, 7, MonthPart.Whole, "2023-07-01", "2023-07-31")]
    [InlineData(2023, 9, MonthPart.Mid, "2023-09-11", "2023-09-20")]
    [InlineData(2023, 1, MonthPart.Early, "2023-01-01", "2023-01-10")]
    public void Window_of_a_part_of_a_month(int year, int month, MonthPart part, string start, string end)
    {
        var due = new DuePeriod(year, month, part);
        Assert.Equal(DateOnly.Parse(start, CultureInfo.InvariantCulture), due.Start);
        Assert.Equal(DateOnly.Parse(end, CultureInfo.InvariantCulture), due.End);
    }

    [Fact]
    public void Whole_month_is_the_default_part()
    {
        var due = new DuePeriod(2023, 3);
        Assert.Equal(MonthPart.Whole, due.Part);
        Assert.Equal(new DateOnly(2023, 3, 1), due.Start);
        Assert.Equal(new DateOnly(2023, 3, 31), due.End);
    }

    [Fact]
    public void Early_mid_and_late_tile_the_month_without_gaps()
    {
        foreach (var (year, month) in new[] { (2023, 2), (2024, 2), (2023, 4), (2023, 12) })
        {
            var early = new DuePeriod(year, month, MonthPart.Early);
            var mid = new DuePeriod(year, month, MonthPart.Mid);
            var late = new DuePeriod(year, month, MonthPart.Late);
            var whole = new DuePeriod(year, month, MonthPart.Whole);
            Assert.Equal(whole.Start, early.Start);
            Assert.Equal(early.End.AddDays(1), mid.Start);
            Assert.Equal(mid.End.AddDays(1), late.Start);
            Assert.Equal(whole.End, late.End);
        }
    }

    [Theory]
    [InlineData(2023, 1, "2023-03-31")]
    [InlineData(2023, 2, "2023-06-30")]
    [InlineData(2023, 3, "2023-09-30")]
    [InlineData(2023, 4, "2023-12-31")]
    [InlineData(2024, 1, "2024-03-31")]
    public void End_of_quarter(int year, int quarter, string end) =>
        Assert.Equal(DateOnly.Parse(end, CultureInfo.InvariantCulture), DuePeriod.EndOfQuarter(year, quarter));

    [Theory]
    [InlineData(1, "2023-01-01")]
    [InlineData(2, "2023-04-01")]
    [InlineData(3, "2023-07-01")]
    [InlineData(4, "2023-10-01")]
    public void Start_of_quarter(int quarter, string start) =>
        Assert.Equal(DateOnly.Parse(start, CultureInfo.InvariantCulture), DuePeriod.StartOfQuarter(2023, quarter));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void End_of_quarter_refuses_a_quarter_outside_1_to_4(int quarter) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DuePeriod.EndOfQuarter(2023, quarter));
}
