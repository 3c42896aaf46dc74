using NotifyHub.Privacy.Purposes;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace NotifyHub.Privacy.Audit;

/// <summary>
/// HMAC-SHA256, under the chain key (<see cref="AuditKeys"/>), of the canonical serialisation of an entry. Keyed, so
/// that whoever can write the database but does not hold the root key cannot recompute the chain after an edit.
/// The canonical serialisation an entry's hash covers: a version label, then every column in a
/// fixed order, integers big-endian, optional values behind a presence byte, strings behind
/// their byte length, so no two different entries serialise alike. Times are UTC ticks, which
/// every provider stores exactly (they are cut to microseconds when the entry is made).
/// </summary>
internal static class AuditHasher
{
    public const int HashSize = 32;

    public static byte[] Compute(AuditEntry entry, byte[] chainKey)
    {
        using var hash = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, chainKey);
        hash.AppendData("NotifyHub.audit.v2"u8);
        AppendInt64(hash, entry.Sequence);
        AppendInt64(hash, entry.Time.UtcTicks);
        AppendGuid(hash, entry.ActorUserId);
        AppendGuid(hash, entry.ActorVendorId);
        AppendString(hash, entry.Action);
        AppendGuid(hash, entry.SubjectId);
        AppendString(hash, entry.Purpose?.Code());
        AppendString(hash, entry.Fields);
        AppendString(hash, entry.Outcome);
        AppendString(hash, entry.Details);
        hash.AppendData(entry.PreviousHash);
        return hash.GetHashAndReset();
    }

    private static void AppendInt64(IncrementalHash hash, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        hash.AppendData(bytes);
    }

    private static void AppendGuid(IncrementalHash hash, Guid? value)
    {
        Span<byte> bytes = stackalloc byte[17];
        bytes[0] = value.HasValue ? (byte)1 : (byte)0;
        value?.TryWriteBytes(bytes[1..], bigEndian: true, out _);
        hash.AppendData(value.HasValue ? bytes : bytes[..1]);
    }

    private static void AppendString(IncrementalHash hash, string? value)
    {
        if (value is null)
        {
            hash.AppendData([0]);
            return;
        }

        var utf8 = Encoding.UTF8.GetBytes(value);
        Span<byte> prefix = stackalloc byte[5];
        prefix[0] = 1;
        BinaryPrimitives.WriteInt32BigEndian(prefix[1..], utf8.Length);
        hash.AppendData(prefix);
        hash.AppendData(utf8);
    }
}
