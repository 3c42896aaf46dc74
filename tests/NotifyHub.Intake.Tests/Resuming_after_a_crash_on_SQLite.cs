using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace NotifyHub.Intake.Tests;

/// <summary>The embedded default: SQLite files in the data directory (WAL with synchronous=NORMAL) and the in-memory bus.</summary>
public sealed class Resuming_after_a_crash_on_SQLite(ITestOutputHelper output) : Resuming_after_a_crash(output)
{
    protected override IDictionary<string, string> DatabaseSettings { get; } = new Dictionary<string, string>();

    protected override bool OnRabbitMq => false;

    protected override string Table(string module, string table) => table;

    protected override async Task<long> ScalarAsync(string module, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(DataDirectory, $"{module}.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
