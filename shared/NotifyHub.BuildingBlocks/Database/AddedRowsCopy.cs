using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace NotifyHub.BuildingBlocks.Database;

/// <summary>
/// PostgreSQL: the <typeparamref name="TEntity"/> rows added to the change tracker written by one binary COPY on the
/// context's connection (inside its current transaction, which the caller must have begun), then detached, instead of
/// one INSERT each through <c>SaveChanges</c>. Columns and values come from the EF model, value converters applied, so a
/// column added to the entity is copied too; a value the database generates (an identity) is left to it. COPY fires
/// the table's insert triggers like an INSERT. Elsewhere (SQLite) it does nothing and <c>SaveChanges</c> inserts them.
/// </summary>
public static class AddedRowsCopy
{
    public static async Task InsertAsync<TEntity>(DbContext db, CancellationToken ct)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException($"Copying {typeof(TEntity).Name} rows needs the caller's transaction, so that they commit with the rest.");
        }

        var entries = db.ChangeTracker.Entries<TEntity>().Where(e => e.State == EntityState.Added).ToList();
        if (entries.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(TEntity))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entity.GetProperties()
            .Where(p => p.GetColumnName(table) is not null && !entries[0].Property(p.Name).IsTemporary)
            .Select(p => new CopiedColumn(p, sql.DelimitIdentifier(p.GetColumnName(table)!), StoreTypeName(p)))
            .ToList();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var copyCommand = $"COPY {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        await using (var copy = await connection.BeginBinaryImportAsync(copyCommand, ct))
        {
            foreach (var entry in entries)
            {
                await copy.StartRowAsync(ct);
                foreach (var column in columns)
                {
                    if (column.ToProvider(entry) is { } value)
                    {
                        await copy.WriteAsync(value, column.StoreType, ct);
                    }
                    else
                    {
                        await copy.WriteNullAsync(ct);
                    }
                }
            }

            await copy.CompleteAsync(ct);
        }

        foreach (var entry in entries)
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>The column's type as PostgreSQL names it, without its length or precision (<c>character varying(10)</c> → <c>character varying</c>).</summary>
    private static string StoreTypeName(IProperty property)
    {
        var type = property.GetColumnType();
        var open = type.IndexOf('(', StringComparison.Ordinal);
        return open < 0 ? type : type[..open].TrimEnd() + type[(type.IndexOf(')', StringComparison.Ordinal) + 1)..];
    }

    private sealed record CopiedColumn(IProperty Property, string Name, string StoreType)
    {
        public object? ToProvider(EntityEntry entry)
        {
            var value = entry.Property(Property.Name).CurrentValue;
            return value is null ? null : Property.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
        }
    }
}
