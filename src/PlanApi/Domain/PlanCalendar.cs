namespace PlanApi.Domain;

/// <summary>The plan's calendar is Việt Nam's (Asia/Ho_Chi_Minh, UTC+7 without daylight saving).</summary>
public static class PlanCalendar
{
    public static readonly TimeZoneInfo TimeZone = FindTimeZone();

    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow());

    /// <summary>The plan-calendar day of an instant.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    private static TimeZoneInfo FindTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            // Minimal containers may lack tzdata; Việt Nam has kept UTC+7 without DST since 1975.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Indochina Time", "ICT");
        }
    }
}
