using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Portal.Statements;

/// <summary>The incident's public statement in one language, written by the privacy officer: what happened, what to do, the helpline.</summary>
public sealed class IncidentStatement
{
    public Guid IncidentId { get; init; }

    public required string Language { get; init; }

    public required string Title { get; set; }

    public required string Statement { get; set; }

    /// <summary>One piece of advice per line.</summary>
    public required string Advice { get; set; }

    public required string HelplinePhone { get; set; }

    public required string HelplineHours { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<IncidentStatement>
    {
        public void Configure(EntityTypeBuilder<IncidentStatement> statement)
        {
            statement.ToTable("statements");
            statement.HasKey(s => new { s.IncidentId, s.Language });
            statement.Property(s => s.Language).HasMaxLength(8);
            statement.Property(s => s.Title).HasMaxLength(200);
            statement.Property(s => s.Statement).HasMaxLength(8000);
            statement.Property(s => s.Advice).HasMaxLength(8000);
            statement.Property(s => s.HelplinePhone).HasMaxLength(40);
            statement.Property(s => s.HelplineHours).HasMaxLength(200);
        }
    }
}
