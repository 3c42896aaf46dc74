using System.ComponentModel.DataAnnotations;

namespace NotifyHub.BuildingBlocks.Database;

/// <summary>Bound from <c>NotifyHub:Database</c>; the PostgreSQL connection string is <c>ConnectionStrings:NotifyHub</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "NotifyHub:Database";

    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
