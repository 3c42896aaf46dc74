using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NotifyHub.Privacy.Fields;

namespace NotifyHub.CallCentre.Cases;

/// <summary>
/// A case handed to the controller's privacy officers. The reason is for them, so it is encrypted under the
/// incident's data key (the controller's copy), not the vendor's, and is shredded with the incident.
/// </summary>
public sealed class Escalation
{
    public const string ReasonField = "callcentre.escalation.reason";

    public Guid Id { get; init; }

    public Guid CaseId { get; init; }

    public Guid IncidentId { get; init; }

    public Guid VendorId { get; init; }

    public Guid AgentId { get; init; }

    public required EncryptedField Reason { get; init; }

    public DateTimeOffset EscalatedAt { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<Escalation>
    {
        public void Configure(EntityTypeBuilder<Escalation> escalation)
        {
            escalation.ToTable("escalations");
            escalation.HasKey(e => e.Id);
            escalation.HasIndex(e => e.IncidentId);
            escalation.HasIndex(e => e.VendorId);
            escalation.Property(e => e.Reason).HasConversion<EncryptedFieldConverter>();
        }
    }
}
