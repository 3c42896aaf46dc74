using NotifyHub.Privacy.Keys;
using System.Buffers;
using System.Text;

namespace NotifyHub.Privacy.BlindIndexes;

/// <summary>
/// Computes blind indexes with the incident's IncidentIndex key: equal values in one incident
/// match; the same value in another incident, or of another kind, does not.
/// </summary>
public sealed class BlindIndexer(KeyStore keys)
{
    /// <exception cref="FormatException">The value is not valid for the kind (the message never echoes it).</exception>
    public async ValueTask<BlindIndex> ComputeAsync(
        Guid incidentId, BlindIndexKind kind, string value, CancellationToken cancellationToken = default)
    {
        var normalized = BlindIndexNormalizer.Normalize(kind, value);
        var key = await keys.GetCurrentAsync(incidentId, KeyKind.IncidentIndex, cancellationToken);
        return ComputeNormalized(key, kind, normalized);
    }

    /// <summary>For hot loops (an import) holding the incident's index key.</summary>
    public static BlindIndex Compute(DataKey indexKey, BlindIndexKind kind, string value)
    {
        ArgumentNullException.ThrowIfNull(indexKey);
        if (indexKey.Id.Kind != KeyKind.IncidentIndex)
        {
            throw new ArgumentException("Blind indexes are made only with an IncidentIndex key.", nameof(indexKey));
        }

        return ComputeNormalized(indexKey, kind, BlindIndexNormalizer.Normalize(kind, value));
    }

    private static BlindIndex ComputeNormalized(DataKey key, BlindIndexKind kind, string normalized)
    {
        // The kind's tag and a separator come first, so "12345" as a postcode and as an
        // external id give unrelated indexes.
        var tag = Tag(kind);
        var length = tag.Length + 1 + Encoding.UTF8.GetByteCount(normalized);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            tag.CopyTo(buffer);
            buffer[tag.Length] = 0x1F;
            Encoding.UTF8.GetBytes(normalized, buffer.AsSpan(tag.Length + 1));
            Span<byte> mac = stackalloc byte[BlindIndex.SizeInBytes];
            key.Hmac(buffer.AsSpan(0, length), mac);
            return new BlindIndex(mac);
        }
        finally
        {
            Array.Clear(buffer, 0, length);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Written out rather than taken from the enum's names, so renaming a member never
    // silently changes every stored index.
    private static ReadOnlySpan<byte> Tag(BlindIndexKind kind) => kind switch
    {
        BlindIndexKind.Email => "email"u8,
        BlindIndexKind.Phone => "phone"u8,
        BlindIndexKind.ReferenceCode => "reference-code"u8,
        BlindIndexKind.DateOfBirth => "date-of-birth"u8,
        BlindIndexKind.Postcode => "postcode"u8,
        BlindIndexKind.ExternalId => "external-id"u8,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown blind index kind."),
    };
}
