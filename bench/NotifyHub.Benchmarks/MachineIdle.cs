using System.Globalization;

namespace NotifyHub.Benchmarks;

/// <summary>
/// The share of the machine's CPU time left idle between two readings of /proc/stat (idle and I/O wait over all
/// time, every core): whether a run kept the cores busy or waited. Null where /proc/stat is not there (not Linux).
/// </summary>
internal readonly record struct MachineIdle(long Idle, long Total)
{
    public static MachineIdle? Now()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }

        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice", in clock ticks.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return new MachineIdle(fields[3] + fields[4], fields.Sum());
    }

    /// <summary>The idle share from <paramref name="before"/> to this reading, 0 to 1.</summary>
    public double SharedIdleSince(MachineIdle before) =>
        Total == before.Total ? 0 : (Idle - before.Idle) / (double)(Total - before.Total);
}
