using NotifyHub.Testing;

namespace NotifyHub.Host.Tests;

public sealed class Starting_on_a_fresh_database
{
    /// <summary>
    /// An operator's first start on an empty PostgreSQL database, then a restart: each module's tables are created and
    /// nothing is logged as an error or a failure (EF Core logged one failed read of the migration history per module).
    /// </summary>
    [Fact]
    public async Task Creates_every_module_and_logs_no_error_on_PostgreSQL()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var data = Path.Combine(Path.GetTempPath(), "notifyhub-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using var server = new HostProcess("fresh", new Dictionary<string, string>
            {
                ["NotifyHub__DataDirectory"] = data,
                ["NotifyHub__Database__Provider"] = "PostgreSql",
                ["ConnectionStrings__NotifyHub"] = database.ConnectionString,
            });

            await server.StartAsync();
            server.Kill();
            await server.StartAsync();

            (await database.ScalarAsync("SELECT count(*) FROM pg_tables WHERE tablename = '__EFMigrationsHistory'")).ShouldBe(8, server.Output);
            var errors = server.Output.Split('\n').Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal));
            errors.ShouldBeEmpty(server.Output);
        }
        finally
        {
            NotifyHubFactory.DeleteDataDirectory(data);
        }
    }
}
