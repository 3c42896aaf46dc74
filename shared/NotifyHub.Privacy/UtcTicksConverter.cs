using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NotifyHub.Privacy;

/// <summary>Stores a DateTimeOffset as UTC ticks: exact, sortable and comparable in any database.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
