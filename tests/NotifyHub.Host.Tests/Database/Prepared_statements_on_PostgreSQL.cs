using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.Portal.Database;
using NotifyHub.Testing;

namespace NotifyHub.Host.Tests.Database;

/// <summary>
/// The host's PostgreSQL connections prepare the statements they run again and again (Npgsql's automatic
/// preparation), so PostgreSQL stops parsing and planning them on every execution; a connection string that says
/// otherwise is obeyed.
/// </summary>
public sealed class Prepared_statements_on_PostgreSQL
{
    private const string PreparedCount = "SELECT count(*)::int AS \"Value\" FROM pg_prepared_statements";

    [Fact]
    public async Task A_module_query_run_repeatedly_is_prepared_once_on_its_connection()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var factory = new NotifyHubFactory(new Dictionary<string, string?>
        {
            ["NotifyHub:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:NotifyHub"] = database.ConnectionString,
        });
        _ = factory.Server;

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // One physical connection for the whole test, so what it prepared can be read back on it.
        await db.Database.OpenConnectionAsync();
        var before = await db.Database.SqlQueryRaw<int>(PreparedCount).SingleAsync();
        for (var i = 0; i < 6; i++)
        {
            await db.People.CountAsync(p => p.FailedFactors > i);
        }

        var after = await db.Database.SqlQueryRaw<int>(PreparedCount).SingleAsync();
        after.ShouldBeGreaterThan(before, "the repeated query was not prepared");
        var statements = await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
        statements.ShouldContain(s => s.Contains("portal", StringComparison.Ordinal) && s.Contains("FailedFactors", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_are_added_only_where_the_connection_string_is_silent()
    {
        var applied = new Npgsql.NpgsqlConnectionStringBuilder(PostgreSqlConnectionDefaults.Apply("Host=db;Database=notifyhub"));
        applied.MaxAutoPrepare.ShouldBe(PostgreSqlConnectionDefaults.MaxAutoPrepare);
        applied.NoResetOnClose.ShouldBeTrue();

        var chosen = new Npgsql.NpgsqlConnectionStringBuilder(
            PostgreSqlConnectionDefaults.Apply("Host=db;Database=notifyhub;max auto prepare=0;No Reset On Close=false"));
        chosen.MaxAutoPrepare.ShouldBe(0);
        chosen.NoResetOnClose.ShouldBeFalse();
    }
}
