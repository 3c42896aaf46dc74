using NotifyHub.Regulator.Rules;
using System.Globalization;

namespace NotifyHub.Regulator.Calendars;

/// <summary>
/// Turns "N units from a clock" into an instant. Hours are elapsed time (they run through nights, weekends, holidays
/// and clock changes). Days are counted in the authority's time zone from the day after the clock's day, and the
/// deadline is the end of the last day there: a breach known at 23:30 in Tokyo is already the next day in Tokyo.
/// </summary>
public static class Deadline
{
    public static DateTimeOffset Compute(DateTimeOffset start, int within, string unit, TimeZoneInfo zone, WorkingDayCalendar? calendar)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (unit == DeadlineUnits.Hours)
        {
            return start.ToUniversalTime().AddHours(within);
        }

        var day = LocalDay(start, zone);
        var last = unit switch
        {
            DeadlineUnits.CalendarDays => day.AddDays(within),
            DeadlineUnits.WorkingDays => (calendar ?? throw new InvalidOperationException("Working days need a calendar.")).AddWorkingDays(day, within),
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown deadline unit."),
        };
        return EndOfDay(last, zone);
    }

    public static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>23:59:59 local on <paramref name="day"/>, as a UTC instant (the offset of that moment, DST included).</summary>
    public static DateTimeOffset EndOfDay(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>ISO 8601 with the zone's offset at that instant, e.g. <c>2026-03-30T14:00:00+02:00</c>.</summary>
    public static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
