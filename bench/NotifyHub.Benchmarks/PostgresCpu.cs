using Npgsql;
using System.Globalization;

namespace NotifyHub.Benchmarks;

/// <summary>
/// CPU time used by a PostgreSQL server on this machine (all its processes, including those that ended), read from
/// /proc: on a 2-core machine the host and the database share the CPU, so the database's CPU per unit of work is as telling
/// as the host's, and steadier than rows/s when other work runs. Null when the server is not local or not on Linux.
/// </summary>
internal static class PostgresCpu
{
    /// <summary>Clock ticks per second of /proc's times (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    public static async Task<double?> SecondsAsync(string connection)
    {
        try
        {
            await using var db = new NpgsqlConnection(connection);
            await db.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", db);
            var backend = (int)(await command.ExecuteScalarAsync())!;
            if (Stat(backend) is not { } own)
            {
                return null;
            }

            var postmaster = long.Parse(own[1], CultureInfo.InvariantCulture);
            // The postmaster's own time, its ended children's (cutime, cstime) and every live child's.
            var ticks = Ticks(Stat(postmaster)!, 11) + Ticks(Stat(postmaster)!, 13);
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (long.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } stat && stat[1] == own[1])
                {
                    ticks += Ticks(stat, 11);
                }
            }

            return ticks / TicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The fields after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
    private static string[]? Stat(long pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Ticks(string[] stat, int first) =>
        long.Parse(stat[first], CultureInfo.InvariantCulture) + long.Parse(stat[first + 1], CultureInfo.InvariantCulture);
}
