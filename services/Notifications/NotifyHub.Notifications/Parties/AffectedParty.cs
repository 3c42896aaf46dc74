using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Notifications.Parties;

/// <summary>
/// One person reachable for one purpose (email, sms or mail house). Since intake lists people without projections
/// (<c>AffectedPartiesListed</c>) the projection is empty (<see cref="HeldByIntake"/>) and intake seals it when a
/// notification is sent; a row from the retired messages may still hold the projection intake sent, ciphertext under
/// the notifications holder's vendor key, never decrypted values. A re-import replaces it (latest wins). Language
/// and data categories travel in clear on the bus (they choose the template) and are kept for the same reason.
/// </summary>
public sealed class AffectedParty
{
    /// <summary>The projection of a row that holds none: intake keeps the person and seals it on request.</summary>
    public static readonly byte[] HeldByIntake = [];

    /// <summary>Arrival order: the cursor a campaign's enrolment pages through.</summary>
    public long Id { get; init; }

    public Guid IncidentId { get; init; }

    public Guid PersonId { get; init; }

    public Purpose Purpose { get; init; }

    public required byte[] Projection { get; set; }

    public string Language { get; set; } = "";

    public List<string> DataCategories { get; set; } = [];

    public Guid ImportId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<AffectedParty>
    {
        public void Configure(EntityTypeBuilder<AffectedParty> party)
        {
            // Triggers count the incident's people (Tallies/PeopleTallyTriggers.cs); declared so that EF does not read
            // generated values with RETURNING on SQLite, which triggers forbid.
            party.ToTable("affected_parties", t =>
            {
                t.HasTrigger("people_tallies_insert");
                t.HasTrigger("people_tallies_delete");
            });
            party.HasKey(p => p.Id);
            party.Property(p => p.Purpose).HasConversion(p => p.Code(), s => PurposeCodes.Parse(s)).HasMaxLength(20);
            party.Property(p => p.Language).HasMaxLength(35);
            party.HasIndex(p => new { p.IncidentId, p.PersonId, p.Purpose }).IsUnique();
            party.HasIndex(p => new { p.IncidentId, p.Id });
        }
    }
}
