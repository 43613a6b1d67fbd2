using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using PlanApi.Domain;

namespace PlanApi.Tests.Unit;

/// <summary>Plan dates are Việt Nam dates (UTC+7), whatever the server's time zone.</summary>
public sealed class PlanCalendarTests
{
    [Theory]
    [InlineData("2023-03-14T17:00:00Z", "2023-03-15")]
    [InlineData("2023-03-14T16:59:59Z", "2023-03-14")]
    [InlineData("2023-03-15T16:59:59Z", "2023-03-15")]
    [InlineData("2023-03-15T00:00:00Z", "2023-03-15")]
    [InlineData("2022-12-31T17:00:00Z", "2023-01-01")]
    [InlineData("2024-02-28T17:30:00Z", "2024-02-29")]
    public void Today_is_the_date_in_Viet_Nam(string utc, string today)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(today, CultureInfo.InvariantCulture), PlanCalendar.Today(clock));
    }

    [Fact]
    public void Time_zone_is_UTC_plus_7_without_daylight_saving()
    {
        Assert.Equal(TimeSpan.FromHours(7), PlanCalendar.TimeZone.GetUtcOffset(new DateTime(2023, 1, 15, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(7), PlanCalendar.TimeZone.GetUtcOffset(new DateTime(2023, 7, 15, 0, 0, 0, DateTimeKind.Utc)));
    }
}
