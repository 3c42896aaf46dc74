using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Purposes;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace NotifyHub.Privacy.Tests.Support;

/// <summary>
/// What an attacker with write access to the database but without the root key does: after an edit, re-hash every
/// entry with plain SHA-256 over the same canonical serialisation, re-link the chain and rewrite the head.
/// This beat the unkeyed chain; the keyed one must reject it.
/// </summary>
internal static class PlainShaForger
{
    public static async Task RechainAsync(PrivacyTestHost host)
    {
        await using var scope = host.NewScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDbContext>();
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        var previous = new byte[32];
        var sequence = 0L;
        foreach (var entry in entries)
        {
            sequence++;
            var forged = new AuditEntry
            {
                Sequence = sequence, Time = entry.Time, ActorUserId = entry.ActorUserId, ActorVendorId = entry.ActorVendorId,
                Action = entry.Action, SubjectId = entry.SubjectId, Purpose = entry.Purpose, Fields = entry.Fields,
                Outcome = entry.Outcome, Details = entry.Details, PreviousHash = previous,
            };
            var hash = Hash(forged);
            await host.ExecuteSqlAsync(
                $"UPDATE audit_entries SET sequence = {sequence}, previous_hash = X'{Convert.ToHexString(previous)}', hash = X'{Convert.ToHexString(hash)}' WHERE sequence = {entry.Sequence}");
            previous = hash;
        }

        await host.ExecuteSqlAsync($"UPDATE audit_head SET last_sequence = {sequence}, last_hash = X'{Convert.ToHexString(previous)}'");
    }

    private static byte[] Hash(AuditEntry entry)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData("NotifyHub.audit.v2"u8);
        Int64(hash, entry.Sequence);
        Int64(hash, entry.Time.UtcTicks);
        Id(hash, entry.ActorUserId);
        Id(hash, entry.ActorVendorId);
        Text(hash, entry.Action);
        Id(hash, entry.SubjectId);
        Text(hash, entry.Purpose?.Code());
        Text(hash, entry.Fields);
        Text(hash, entry.Outcome);
        Text(hash, entry.Details);
        hash.AppendData(entry.PreviousHash);
        return hash.GetHashAndReset();
    }

    private static void Int64(IncrementalHash hash, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        hash.AppendData(bytes);
    }

    private static void Id(IncrementalHash hash, Guid? value)
    {
        Span<byte> bytes = stackalloc byte[17];
        bytes[0] = value.HasValue ? (byte)1 : (byte)0;
        value?.TryWriteBytes(bytes[1..], bigEndian: true, out _);
        hash.AppendData(value.HasValue ? bytes : bytes[..1]);
    }

    private static void Text(IncrementalHash hash, string? value)
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
