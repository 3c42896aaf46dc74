using Npgsql;
using System.Collections.Concurrent;
using System.Data.Common;

namespace NotifyHub.BuildingBlocks.Database;

/// <summary>
/// What NotifyHub adds to a PostgreSQL connection string that does not say otherwise: Npgsql's automatic preparation
/// of the statements a connection runs again and again. Without it PostgreSQL parses and plans every statement on
/// every execution: under a portal load, parsing and planning took most of the server's CPU, several times the
/// execution itself. A connection string that sets <c>Max Auto Prepare</c> (to 0, to turn it off) keeps its value.
/// </summary>
public static class PostgreSqlConnectionDefaults
{
    /// <summary>
    /// Statements kept prepared per connection, least recently used dropped first: every module shares one pool, and
    /// a host runs a few hundred distinct statements, the busy ones a few dozen.
    /// </summary>
    public const int MaxAutoPrepare = 128;

    /// <summary>
    /// Each connection string's result, kept: a module context's options are built for every request, and parsing
    /// the string twice each time cost about 2 % of the call centre's CPU. A process uses one or two strings.
    /// </summary>
    private static readonly ConcurrentDictionary<string, string> Applied = new(StringComparer.Ordinal);

    public static string Apply(string connectionString) => Applied.GetOrAdd(connectionString, AddDefaults);

    private static string AddDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        bool Given(string keyword) =>
            given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals(keyword, StringComparison.OrdinalIgnoreCase));
        if (!Given(nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare)))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!Given(nameof(NpgsqlConnectionStringBuilder.NoResetOnClose)))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
