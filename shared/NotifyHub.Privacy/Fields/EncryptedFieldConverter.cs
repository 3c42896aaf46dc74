using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NotifyHub.Privacy.Fields;

/// <summary>
/// Maps <see cref="EncryptedField"/> to a binary column:
/// <c>builder.Property(p => p.GivenName).HasConversion&lt;EncryptedFieldConverter&gt;();</c>
/// </summary>
public sealed class EncryptedFieldConverter() : ValueConverter<EncryptedField, byte[]>(
    field => field.RawBytes,
    bytes => EncryptedField.Wrap(bytes));
