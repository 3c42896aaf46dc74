using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace NotifyHub.BuildingBlocks.Database;

/// <summary>
/// An entity's table and column names as this context's provider writes them (schema, naming convention, quoting),
/// for the few statements hand-written as SQL where LINQ cannot say it (FOR UPDATE SKIP LOCKED, an upsert) or costs
/// too much on a hot path.
/// </summary>
public sealed class StoreNames
{
    private readonly IEntityType _entity;
    private readonly ISqlGenerationHelper _sql;

    private StoreNames(IEntityType entity, ISqlGenerationHelper sql)
    {
        _entity = entity;
        _sql = sql;
        Table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
    }

    public static StoreNames Of<TEntity>(DbContext db) =>
        new(db.Model.FindEntityType(typeof(TEntity))!, db.GetService<ISqlGenerationHelper>());

    /// <summary>The table, schema-qualified and quoted.</summary>
    public string Table { get; }

    /// <summary>The quoted column of <paramref name="property"/>.</summary>
    public string Column(string property) => _sql.DelimitIdentifier(_entity.FindProperty(property)!.GetColumnName());
}
