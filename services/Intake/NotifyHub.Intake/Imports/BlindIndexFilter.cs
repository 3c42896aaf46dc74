using NotifyHub.Privacy.BlindIndexes;
using System.Buffers.Binary;

namespace NotifyHub.Intake.Imports;

/// <summary>
/// A Bloom filter of blind indexes already in the incident: its external_id indexes, so the writer asks the database
/// only about rows that may be there, and its reference-code indexes, so a new code is never one already given.
/// Without it every batch probed a unique index once a row: random pages of an index that outgrows the database's
/// cache, so that phase grew with the incident (73 s of a 1,000,000-row import). "No" is certain; "maybe" is checked in
/// the database (people) or answered with a fresh code (codes), see <see cref="ImportWriter"/>. It holds a few bits of
/// each HMAC, nothing that can be turned back into a value.
/// </summary>
internal sealed class BlindIndexFilter
{
    /// <summary>2^26 bits (8 MB): about 1 false "maybe" in 10,000 at a million people, 1 in 100 at five million.</summary>
    private const int BitsLog2 = 26;

    private const int Probes = 3;

    private readonly ulong[] _words = new ulong[(1 << BitsLog2) / 64];

    public void Add(BlindIndex index)
    {
        var bytes = index.ToArray();
        for (var probe = 0; probe < Probes; probe++)
        {
            var bit = Bit(bytes, probe);
            _words[bit >> 6] |= 1UL << (int)(bit & 63);
        }
    }

    public bool MayContain(BlindIndex index)
    {
        var bytes = index.ToArray();
        for (var probe = 0; probe < Probes; probe++)
        {
            var bit = Bit(bytes, probe);
            if ((_words[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The index is an HMAC output: each four of its bytes are already an independent, uniform hash.</summary>
    private static uint Bit(byte[] bytes, int probe) =>
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4 * probe)) & ((1u << BitsLog2) - 1);
}
