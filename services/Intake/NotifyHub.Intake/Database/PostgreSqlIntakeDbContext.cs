using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.BuildingBlocks.Messaging;

namespace NotifyHub.Intake.Database;

public sealed class PostgreSqlIntakeDbContext : IntakeDbContext
{
    public PostgreSqlIntakeDbContext() : base(DesignTimeOptions.PostgreSql()) { }

    public PostgreSqlIntakeDbContext(DbContextOptions<PostgreSqlIntakeDbContext> options) : base(options) { }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // An import batch's events are about a megabyte of JSON (base64 ciphertexts), stored once and read once by the
        // dispatcher. PostgreSQL's default TOAST compression (pglz) took ~65 ms a megabyte on the import's single
        // writer; lz4 (PostgreSQL 14+) takes about a third of that and decompresses faster for the dispatcher too.
        modelBuilder.Entity<OutboxMessage>().Property(m => m.Body).UseCompressionMethod("lz4");
    }
}
