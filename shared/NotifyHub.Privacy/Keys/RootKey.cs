using System.Security.Cryptography;

namespace NotifyHub.Privacy.Keys;

/// <summary>The top of the key hierarchy: it only ever wraps other keys, never data.</summary>
public sealed class RootKey
{
    public const int SizeInBytes = 32;

    private readonly byte[] _material;

    public RootKey(string id, ReadOnlySpan<byte> material)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (material.Length != SizeInBytes)
        {
            throw new ArgumentException($"A root key is {SizeInBytes} bytes, not {material.Length}.", nameof(material));
        }

        Id = id;
        _material = material.ToArray();
    }

    /// <summary>Recorded beside every wrapped key so a wrong root key is named, not just "failed".</summary>
    public string Id { get; }

    internal ReadOnlySpan<byte> Material => _material;

    public static RootKey Generate(string? id = null)
    {
        Span<byte> material = stackalloc byte[SizeInBytes];
        RandomNumberGenerator.Fill(material);
        var key = new RootKey(id ?? FingerprintId(material), material);
        CryptographicOperations.ZeroMemory(material);
        return key;
    }

    /// <summary>
    /// The default id: a short hash of the key. Two different keys get different ids, so a
    /// misconfigured root key is reported as such; the hash reveals nothing about a 256-bit key.
    /// </summary>
    public static string FingerprintId(ReadOnlySpan<byte> material)
    {
        var label = "NotifyHub root key id"u8;
        Span<byte> input = stackalloc byte[label.Length + material.Length];
        label.CopyTo(input);
        material.CopyTo(input[label.Length..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, hash);
        CryptographicOperations.ZeroMemory(input);
        return "root-" + Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>For the one moment an operator must copy a new key into configuration; never logged.</summary>
    internal string ToBase64() => Convert.ToBase64String(_material);

    public override string ToString() => $"RootKey({Id})";
}
