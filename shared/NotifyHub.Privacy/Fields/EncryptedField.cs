using NotifyHub.Privacy.Keys;
using System.Text.Json.Serialization;

namespace NotifyHub.Privacy.Fields;

/// <summary>
/// Ciphertext of one field or one record, in the <see cref="FieldEnvelope"/> format. Immutable;
/// prints as "[encrypted]"; maps to a binary column with <see cref="EncryptedFieldConverter"/>
/// and to base64 in JSON.
/// </summary>
[JsonConverter(typeof(EncryptedFieldJsonConverter))]
public sealed class EncryptedField : IEquatable<EncryptedField>
{
    private readonly byte[] _bytes;

    private EncryptedField(byte[] bytes) => _bytes = bytes;

    public ReadOnlyMemory<byte> Bytes => _bytes;

    public int Length => _bytes.Length;

    /// <summary>The key this was encrypted with, read from the header (null if the bytes are not a ciphertext).</summary>
    public KeyId? KeyId => FieldEnvelope.TryReadKeyId(_bytes, out var id) ? id : null;

    /// <summary>For the EF converter and the cipher, which hand over arrays nobody else holds.</summary>
    internal byte[] RawBytes => _bytes;

    /// <summary>Copies the bytes, so later changes to the array cannot alter this value.</summary>
    public static EncryptedField FromBytes(ReadOnlySpan<byte> bytes) => new(bytes.ToArray());

    public byte[] ToArray() => (byte[])_bytes.Clone();

    public bool Equals(EncryptedField? other) =>
        other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => Equals(obj as EncryptedField);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    public override string ToString() => "[encrypted]";

    internal static EncryptedField Wrap(byte[] bytes) => new(bytes);
}
