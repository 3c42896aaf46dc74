using Microsoft.Extensions.Options;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// SMS quiet hours in the recipient's local time (their country's time zone, see <see cref="CountryTimeZones"/>):
/// nobody is woken by a breach notice. A window may cross midnight (21:00–08:00).
/// </summary>
public sealed class QuietHours(IOptions<NotificationsOptions> options)
{
    /// <summary>Null when <paramref name="now"/> is outside quiet hours for the country; else when they end, in UTC.</summary>
    public DateTimeOffset? DeferUntil(string? country, DateTimeOffset now)
    {
        var (start, end) = (options.Value.QuietHoursStart, options.Value.QuietHoursEnd);
        if (start == end)
        {
            return null;
        }

        var zone = CountryTimeZones.For(country);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var quiet = start < end ? time >= start && time < end : time >= start || time < end;
        if (!quiet)
        {
            return null;
        }

        var endDate = DateOnly.FromDateTime(local.DateTime);
        if (time >= end)
        {
            endDate = endDate.AddDays(1);
        }

        var endLocal = endDate.ToDateTime(end);
        // A DST gap at the end time: the first valid minute after it.
        while (zone.IsInvalidTime(endLocal))
        {
            endLocal = endLocal.AddMinutes(1);
        }

        return new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal)).ToUniversalTime();
    }
}
