using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NotifyHub.Privacy.BlindIndexes;

/// <summary>
/// Maps <see cref="BlindIndex"/> to a 32-byte binary column:
/// <c>builder.Property(p => p.DateOfBirthIndex).HasConversion&lt;BlindIndexConverter&gt;();</c>
/// </summary>
public sealed class BlindIndexConverter() : ValueConverter<BlindIndex, byte[]>(
    index => index.ToArray(),
    bytes => BlindIndex.FromBytes(bytes));
