using NotifyHub.Testing;
using Xunit.Abstractions;

namespace NotifyHub.Intake.Tests;

/// <summary>The same crash on PostgreSQL (binary COPY, a database of its own on the test server).</summary>
public sealed class Resuming_after_a_crash_on_PostgreSql(ITestOutputHelper output) : Resuming_after_a_crash(output)
{
    private PostgresDatabase _database = null!;

    protected override IDictionary<string, string> DatabaseSettings => new Dictionary<string, string>
    {
        ["NotifyHub__Database__Provider"] = "PostgreSql",
        ["ConnectionStrings__NotifyHub"] = _database.ConnectionString,
    };

    protected override bool OnRabbitMq => true;

    protected override string Table(string module, string table) => $"{module}.{table}";

    protected override Task<long> ScalarAsync(string module, string sql) => _database.ScalarAsync(sql);

    public override async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
