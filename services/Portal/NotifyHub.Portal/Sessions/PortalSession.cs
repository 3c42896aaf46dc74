using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Portal.Sessions;

/// <summary>A verified visitor's session, bound to one person. Only the token's SHA-256 is stored: a copy of this table opens nothing.</summary>
public sealed class PortalSession
{
    public required byte[] TokenHash { get; init; }

    public Guid PersonId { get; init; }

    public Guid IncidentId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<PortalSession>
    {
        public void Configure(EntityTypeBuilder<PortalSession> session)
        {
            session.ToTable("sessions");
            session.HasKey(s => s.TokenHash);
            session.HasIndex(s => s.ExpiresAt);
            session.HasIndex(s => s.IncidentId);
        }
    }
}
