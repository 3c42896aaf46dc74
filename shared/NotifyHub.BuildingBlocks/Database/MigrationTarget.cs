namespace NotifyHub.BuildingBlocks.Database;

/// <summary>A registered database that <see cref="DatabaseMigrator"/> brings to the latest migration at start.</summary>
public sealed record MigrationTarget(Type ContextType, string Schema);
