using Npgsql;

namespace NotifyHub.Benchmarks;

/// <summary>
/// Benchmarks measure what production runs: a PostgreSQL that flushes every commit to disk. The test servers turn that
/// off for speed, so a benchmark pointed at them would flatter every figure; this refuses them. Start a durable one with
/// <c>NOTIFYHUB_POSTGRES_DURABLE=1 scripts/test.sh --servers-only</c>.
/// </summary>
public static class DurablePostgres
{
    public static async Task RequireAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var settings = new List<string>();
        foreach (var name in new[] { "fsync", "synchronous_commit", "full_page_writes" })
        {
            await using var command = new NpgsqlCommand($"SHOW {name}", connection);
            var value = (string)(await command.ExecuteScalarAsync())!;
            if (value != "on")
            {
                throw new InvalidOperationException(
                    $"PostgreSQL runs with {name}={value}; benchmarks need its durable settings (start the servers with NOTIFYHUB_POSTGRES_DURABLE=1).");
            }

            settings.Add($"{name}={value}");
        }

        System.Console.WriteLine($"PostgreSQL: {string.Join(", ", settings)}");
    }
}
