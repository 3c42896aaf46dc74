namespace NotifyHub.BuildingBlocks.Database;

public enum DatabaseProvider
{
    /// <summary>Embedded default: one SQLite file per module under the data directory.</summary>
    Sqlite,

    /// <summary>At scale: one PostgreSQL database, one schema per module.</summary>
    PostgreSql,
}
