using Microsoft.EntityFrameworkCore;

namespace NotifyHub.BuildingBlocks.Messaging;

public static class OutboxModel
{
    public const string OutboxTable = "outbox_messages";
    public const string InboxTable = "inbox_messages";

    /// <summary>Maps the outbox and inbox tables into a module's model.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable(OutboxTable);
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).ValueGeneratedOnAdd();
            e.Property(m => m.MessageType).HasMaxLength(300);
            e.Property(m => m.TraceParent).HasMaxLength(100);
            e.Property(m => m.LastError).HasMaxLength(OutboxMessage.LastErrorLength);
        });
        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable(InboxTable);
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.Consumer).HasMaxLength(300);
        });
        return modelBuilder;
    }
}
