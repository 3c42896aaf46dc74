using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace NotifyHub.Privacy.BlindIndexes;

/// <summary>
/// A keyed HMAC-SHA256 of a normalised value: compared, never reversed. A 32-byte value type;
/// equality is constant-time; it prints only a short prefix; <see cref="BlindIndexConverter"/>
/// maps it to a binary column.
/// </summary>
public readonly struct BlindIndex : IEquatable<BlindIndex>
{
    public const int SizeInBytes = 32;

    private readonly Bytes _bytes;

    public BlindIndex(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != SizeInBytes)
        {
            throw new ArgumentException($"A blind index is {SizeInBytes} bytes, not {bytes.Length}.", nameof(bytes));
        }

        bytes.CopyTo(_bytes);
    }

    public static BlindIndex FromBytes(byte[] bytes) => new(bytes);

    public byte[] ToArray() => ((ReadOnlySpan<byte>)_bytes).ToArray();

    public bool Equals(BlindIndex other) => CryptographicOperations.FixedTimeEquals(_bytes, other._bytes);

    public override bool Equals(object? obj) => obj is BlindIndex other && Equals(other);

    /// <summary>The bytes are an HMAC output, so any four of them are already a good hash.</summary>
    public override int GetHashCode() => BinaryPrimitives.ReadInt32LittleEndian(_bytes);

    /// <summary>Enough to tell indexes apart in a log, too little to help anyone guess the value.</summary>
    public override string ToString() => $"bi:{Convert.ToHexStringLower(((ReadOnlySpan<byte>)_bytes)[..4])}…";

    public static bool operator ==(BlindIndex left, BlindIndex right) => left.Equals(right);

    public static bool operator !=(BlindIndex left, BlindIndex right) => !left.Equals(right);

    [InlineArray(SizeInBytes)]
    private struct Bytes
    {
        private byte _first;
    }
}
