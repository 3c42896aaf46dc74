using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NotifyHub.Portal.Support;

/// <summary>
/// Every DateTimeOffset column as UTC ticks: SQLite cannot compare DateTimeOffset values in SQL, and the throttle,
/// sessions and notification history all filter by time.
/// </summary>
internal static class Timestamps
{
    private static readonly ValueConverter<DateTimeOffset, long> Converter = new(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

    public static void StoreAsUtcTicks(ModelBuilder modelBuilder)
    {
        // Only the module's own tables: the outbox and inbox keep the shared shape the dispatcher's SQL expects.
        foreach (var property in modelBuilder.Model.GetEntityTypes()
                     .Where(t => t.ClrType.Assembly == typeof(Timestamps).Assembly).SelectMany(t => t.GetProperties()))
        {
            if (property.ClrType == typeof(DateTimeOffset) || property.ClrType == typeof(DateTimeOffset?))
            {
                property.SetValueConverter(Converter);
            }
        }
    }
}
