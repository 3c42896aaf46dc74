using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NotifyHub.BuildingBlocks.Codes;

namespace NotifyHub.CallCentre.Cases;

/// <summary>A verified caller's case, worked by one vendor. Holds ids only; the person is read through the key service.</summary>
public sealed class Case
{
    public Guid Id { get; init; }

    public Guid IncidentId { get; init; }

    public Guid VendorId { get; init; }

    public Guid PersonId { get; init; }

    public CaseStatus Status { get; set; } = CaseStatus.Open;

    public Guid OpenedBy { get; init; }

    public DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; set; }

    public Guid? ClosedBy { get; set; }

    public string? Outcome { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<Case>
    {
        public void Configure(EntityTypeBuilder<Case> item)
        {
            item.ToTable("cases");
            item.HasKey(c => c.Id);
            item.HasIndex(c => new { c.VendorId, c.IncidentId, c.PersonId, c.Status });
            item.HasIndex(c => new { c.VendorId, c.Status });
            item.Property(c => c.Status).HasConversion<WireCodeConverter<CaseStatus>>().HasMaxLength(20);
            item.Property(c => c.Outcome).HasMaxLength(40);
        }
    }
}
