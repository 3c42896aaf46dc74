using NotifyHub.Benchmarks.CallCentre;
using Npgsql;
using NpgsqlTypes;
using System.Diagnostics;

namespace NotifyHub.Benchmarks.Portal;

/// <summary>
/// The floor for a status check: the one indexed lookup a hand-written service would run (the person by the code's
/// blind index, compared with the date of birth's), straight over Npgsql on the portal's own table, with no HTTP,
/// index computation, decryption, throttle bookkeeping or session. Each client owns a pooled connection.
/// </summary>
internal static class PortalSqlBaseline
{
    public static async Task<StepTimes> RunAsync(string connectionString, IReadOnlyList<PortalPerson> people, int clients, TimeSpan duration)
    {
        var times = new StepTimes();
        var stopAt = TimeProvider.System.GetUtcNow().UtcDateTime + duration;
        await using var source = new NpgsqlDataSourceBuilder(connectionString) { ConnectionStringBuilder = { MaxPoolSize = Math.Min(clients, 90) } }.Build();
        var misses = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(n => Task.Run(async () =>
        {
            var mine = people.Where((_, i) => i % clients == n).ToList();
            for (var turn = 0; TimeProvider.System.GetUtcNow().UtcDateTime < stopAt && mine.Count > 0; turn++)
            {
                var person = mine[turn % mine.Count];
                var watch = Stopwatch.StartNew();
                await using var lookup = source.CreateCommand(
                    "SELECT \"PersonId\", \"Projection\" FROM portal.people WHERE \"ReferenceCodeIndex\" = $1 AND \"DateOfBirthIndex\" = $2 LIMIT 2");
                lookup.Parameters.Add(new() { Value = person.ReferenceCodeIndex, NpgsqlDbType = NpgsqlDbType.Bytea });
                lookup.Parameters.Add(new() { Value = person.DateOfBirthIndex, NpgsqlDbType = NpgsqlDbType.Bytea });
                await using (var reader = await lookup.ExecuteReaderAsync())
                {
                    if (!await reader.ReadAsync())
                    {
                        Interlocked.Increment(ref misses);
                    }
                }

                times.Add("status", watch.Elapsed);
            }
        })));
        if (misses > 0)
        {
            System.Console.WriteLine($"warning: {misses} bare lookups found nobody");
        }

        return times;
    }
}
