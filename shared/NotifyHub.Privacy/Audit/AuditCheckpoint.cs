using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace NotifyHub.Privacy.Audit;

/// <summary>
/// The chain's head at a moment — last sequence, its hash, the time — signed with the checkpoint key
/// (<see cref="AuditKeys"/>). Kept outside the database, it makes deleting entries from the end, or rewriting the
/// chain and its head together, visible: the chain no longer contains what the checkpoint says it contained.
/// One line of text: <c>v1 {sequence} {hash hex} {time ticks} {signature hex}</c>.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTimeOffset Time)
{
    private const string Version = "v1";

    internal string ToLine(byte[] checkpointKey) => string.Create(CultureInfo.InvariantCulture,
        $"{Version} {Sequence} {Hash} {Time.UtcTicks} {Convert.ToHexStringLower(Sign(checkpointKey))}");

    /// <summary>Null when the line is not a checkpoint or its signature does not match: either way, it was tampered with.</summary>
    internal static AuditCheckpoint? TryParse(string line, byte[] checkpointKey)
    {
        var parts = line.Split(' ');
        if (parts is not [Version, var sequence, var hash, var ticks, var signature]
            || !long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks)
            || utcTicks > DateTimeOffset.MaxValue.UtcTicks
            || hash.Length != 64)
        {
            return null;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return null;
        }

        var checkpoint = new AuditCheckpoint(seq, hash, new DateTimeOffset(utcTicks, TimeSpan.Zero));
        return CryptographicOperations.FixedTimeEquals(checkpoint.Sign(checkpointKey), given) ? checkpoint : null;
    }

    private byte[] Sign(byte[] checkpointKey)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, checkpointKey);
        hmac.AppendData("NotifyHub.audit.checkpoint.v1"u8);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, Sequence);
        hmac.AppendData(number);
        hmac.AppendData(System.Text.Encoding.ASCII.GetBytes(Hash));
        BinaryPrimitives.WriteInt64BigEndian(number, Time.UtcTicks);
        hmac.AppendData(number);
        return hmac.GetHashAndReset();
    }
}
