using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Templates;

/// <summary>
/// One version of a named message for an incident and a channel, with a Liquid variant per language. Versions are
/// immutable: a new POST with the same name adds a version, and a campaign names the exact one it sends.
/// </summary>
public sealed class Template
{
    public Guid Id { get; init; }

    public Guid IncidentId { get; init; }

    public required string Name { get; init; }

    public int Version { get; init; }

    public Channel Channel { get; init; }

    public required string DefaultLanguage { get; init; }

    public List<TemplateVariant> Variants { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    /// <summary>The variant for <paramref name="language"/> (exact, then its primary subtag), else the default language's.</summary>
    public TemplateVariant VariantFor(string? language)
    {
        if (!string.IsNullOrWhiteSpace(language))
        {
            var exact = Variants.FirstOrDefault(v => v.Language.Equals(language, StringComparison.OrdinalIgnoreCase));
            var primary = language.Split('-')[0];
            var match = exact ?? Variants.FirstOrDefault(v => v.Language.Equals(primary, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match;
            }
        }

        return Variants.First(v => v.Language.Equals(DefaultLanguage, StringComparison.OrdinalIgnoreCase));
    }

    internal sealed class Configuration : IEntityTypeConfiguration<Template>
    {
        public void Configure(EntityTypeBuilder<Template> template)
        {
            template.ToTable("templates");
            template.HasKey(t => t.Id);
            template.Property(t => t.Name).HasMaxLength(100);
            template.Property(t => t.Channel).HasConversion<WireCodeConverter<Channel>>().HasMaxLength(10);
            template.Property(t => t.DefaultLanguage).HasMaxLength(35);
            template.Property(t => t.CreatedBy).HasMaxLength(100);
            template.HasIndex(t => new { t.IncidentId, t.Name, t.Version }).IsUnique();
            template.OwnsMany(t => t.Variants, variant =>
            {
                variant.ToTable("template_variants");
                variant.WithOwner().HasForeignKey("TemplateId");
                variant.HasKey("TemplateId", nameof(TemplateVariant.Language));
                variant.Property(v => v.Language).HasMaxLength(35);
                variant.Property(v => v.Subject).HasMaxLength(500);
            });
        }
    }
}
