using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Regulator.Letters;

/// <summary>
/// What the notifications module told us about one language of an incident's notice template: the numbers and counts
/// of people its text states and a hash per word. Never the text itself. Only the latest version of a series is kept.
/// </summary>
public sealed class NoticeTemplate
{
    public Guid TemplateId { get; init; }

    public required string Language { get; init; }

    public Guid IncidentId { get; init; }

    public Guid Series { get; init; }

    public int Version { get; init; }

    public required string Channel { get; init; }

    public List<long> Numbers { get; init; } = [];

    public List<long> PeopleCounts { get; init; } = [];

    public List<long> WordHashes { get; init; } = [];

    public DateTimeOffset AddedAt { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<NoticeTemplate>
    {
        public void Configure(EntityTypeBuilder<NoticeTemplate> template)
        {
            template.ToTable("notice_templates");
            template.HasKey(t => new { t.TemplateId, t.Language });
            template.HasIndex(t => t.IncidentId);
            template.Property(t => t.Language).HasMaxLength(35);
            template.Property(t => t.Channel).HasMaxLength(10);
        }
    }
}
