using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Preferences;

/// <summary>
/// How one person of one incident asked (on the portal) to be contacted: channels stopped and the language of future
/// messages. Ids, flags and a language code only: the addresses stay in the encrypted projections.
/// </summary>
public sealed class ContactPreference
{
    public Guid IncidentId { get; init; }

    public Guid PersonId { get; init; }

    public bool StopEmail { get; set; }

    public bool StopSms { get; set; }

    /// <summary>A BCP 47 code (en, fr, ja) that overrides the imported language when templates are rendered; null: unchanged.</summary>
    public string? Language { get; set; }

    /// <summary>When the person made the change this row holds: an older message arriving late does not undo a newer one.</summary>
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>A letter cannot be stopped: it is where every fall back ends.</summary>
    public bool Stops(Channel channel) => channel switch
    {
        Channel.Email => StopEmail,
        Channel.Sms => StopSms,
        _ => false,
    };

    internal sealed class Configuration : IEntityTypeConfiguration<ContactPreference>
    {
        public void Configure(EntityTypeBuilder<ContactPreference> preference)
        {
            preference.ToTable("contact_preferences");
            preference.HasKey(p => new { p.IncidentId, p.PersonId });
            preference.Property(p => p.Language).HasMaxLength(35);
            // Ticks: compared on SQLite too.
            preference.Property(p => p.ChangedAt).HasConversion(Database.UtcTicks.Converter);
        }
    }
}
