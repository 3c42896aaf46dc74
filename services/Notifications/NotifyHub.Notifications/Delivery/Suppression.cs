using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.Privacy.BlindIndexes;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// An address not to use for an incident, kept only as a blind index (keyed HMAC under the incident's index key):
/// a lookup says match or no match, and the table never holds a readable address.
/// </summary>
public sealed class Suppression
{
    public long Id { get; init; }

    public Guid IncidentId { get; init; }

    public BlindIndexKind Kind { get; init; }

    public required byte[] AddressIndex { get; init; }

    public SuppressionReason Reason { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<Suppression>
    {
        public void Configure(EntityTypeBuilder<Suppression> suppression)
        {
            suppression.ToTable("suppressions");
            suppression.HasKey(s => s.Id);
            suppression.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
            suppression.Property(s => s.Reason).HasConversion<WireCodeConverter<SuppressionReason>>().HasMaxLength(20);
            suppression.Property(s => s.AddressIndex).HasMaxLength(BlindIndex.SizeInBytes);
            suppression.HasIndex(s => new { s.IncidentId, s.Kind, s.AddressIndex }).IsUnique();
        }
    }
}
