using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.CallCentre.Retention;

/// <summary>What the call centre knows of an incident: that it exists, its scripts' default language, and its retention.</summary>
public sealed class CallCentreIncident
{
    public Guid Id { get; init; }

    public DateTimeOffset OpenedAt { get; init; }

    /// <summary>The language of the incident's first script: the fallback when a caller's language has none.</summary>
    public string? DefaultLanguage { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public DateTimeOffset? RetainUntil { get; set; }

    public DateTimeOffset? PurgedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<CallCentreIncident>
    {
        public void Configure(EntityTypeBuilder<CallCentreIncident> incident)
        {
            incident.ToTable("incidents");
            incident.HasKey(i => i.Id);
            incident.Property(i => i.Id).ValueGeneratedNever();
            incident.Property(i => i.DefaultLanguage).HasMaxLength(35);
        }
    }
}
