using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.CallCentre.Scripts;

/// <summary>One version of an incident's call script in one language. Never edited: a new POST is a new version.</summary>
public sealed class Script
{
    public Guid Id { get; init; }

    public Guid IncidentId { get; init; }

    public required string Language { get; init; }

    public int Version { get; init; }

    public required string Title { get; init; }

    public required string Body { get; init; }

    public Guid CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<Script>
    {
        public void Configure(EntityTypeBuilder<Script> script)
        {
            script.ToTable("scripts");
            script.HasKey(s => s.Id);
            script.HasIndex(s => new { s.IncidentId, s.Language, s.Version }).IsUnique();
            script.Property(s => s.Language).HasMaxLength(35);
            script.Property(s => s.Title).HasMaxLength(200);
        }
    }
}
