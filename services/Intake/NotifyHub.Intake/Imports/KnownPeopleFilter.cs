using NotifyHub.Privacy.BlindIndexes;
using System.Buffers.Binary;

namespace NotifyHub.Intake.Imports;

/// <summary>
/// A Bloom filter of the external_id blind indexes already in the incident, so the writer asks the database only
/// about rows that may be there. Without it every batch probed the unique index once a row: random pages of an index
/// that outgrows the database's cache, so that phase grew with the incident (73 s of a 1,000,000-row import). "No" is
/// certain, "maybe" is then checked in the database; the unique index stays the rule, so a person another instance
/// inserts meanwhile makes the batch fail on it and be written again with every row looked up (<see cref="ImportWriter"/>).
/// It holds a few bits of each HMAC, nothing that can be turned back into a value.
/// </summary>
internal sealed class KnownPeopleFilter
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
