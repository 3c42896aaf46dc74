using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Intake.Database;
using NotifyHub.Testing;

namespace NotifyHub.Intake.Tests;

/// <summary>The embedded default survives a process crash with every commit (WAL) without an fsync per commit (NORMAL).</summary>
public sealed class Sqlite_durability : IAsyncLifetime
{
    private readonly NotifyHubFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_embedded_database_runs_in_WAL_mode_with_synchronous_NORMAL()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            (await PragmaAsync(db, "journal_mode")).ShouldBe("wal");
            (await PragmaAsync(db, "synchronous")).ShouldBe("1", "1 is NORMAL (2 FULL, SQLite's default)");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<string> PragmaAsync(DbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
