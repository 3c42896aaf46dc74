using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;

namespace NotifyHub.BuildingBlocks.Database;

/// <summary>
/// The embedded default's durability: the files are in WAL mode (set once at start by <see cref="DatabaseMigrator"/>)
/// and every connection runs with <c>synchronous=NORMAL</c>. In WAL mode that survives a crash or kill of the process
/// with every committed transaction intact (the WAL is written before commit returns; only the checkpoint into the
/// main file skips an fsync); a power cut or OS crash may lose the last transactions before the WAL is synced, never
/// corrupt the file. SQLite's FULL (its default) pays an fsync on every commit for that last case, which an import of
/// thousands of batches feels. <c>synchronous</c> is per connection, hence set on each open.
/// </summary>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    public const string Pragma = "PRAGMA synchronous=NORMAL;";

    public static SqliteDurability Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
