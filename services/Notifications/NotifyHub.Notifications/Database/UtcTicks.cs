using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NotifyHub.Notifications.Database;

/// <summary>A DateTimeOffset as UTC ticks: exact, sortable and comparable in SQLite and PostgreSQL alike.</summary>
internal static class UtcTicks
{
    public static readonly ValueConverter<DateTimeOffset, long> Converter = new(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
