using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NotifyHub.Privacy.BlindIndexes;
using NotifyHub.Privacy.Fields;

namespace NotifyHub.Intake.Imports;

/// <summary>
/// One affected person of one incident, identified by the blind index of their <c>external_id</c>. Every personal
/// field is inside <see cref="Record"/>, one AES-GCM ciphertext under the incident's data key (see
/// <see cref="PartyRecord"/>); values that are only compared are also blind indexes. Language and data categories
/// are not personal (they choose a template) and stay readable. Written in bulk by <see cref="IPartyWriter"/>.
/// </summary>
public sealed class AffectedParty
{
    public Guid Id { get; init; }

    public Guid IncidentId { get; init; }

    public BlindIndex ExternalIdIndex { get; init; }

    public BlindIndex ReferenceCodeIndex { get; init; }

    public BlindIndex? EmailIndex { get; set; }

    public BlindIndex? PhoneIndex { get; set; }

    public BlindIndex? DateOfBirthIndex { get; set; }

    public BlindIndex? PostcodeIndex { get; set; }

    public required EncryptedField Record { get; set; }

    public required string Language { get; set; }

    /// <summary>Category codes joined by <c>;</c>.</summary>
    public required string DataCategories { get; set; }

    public Guid CreatedByImport { get; init; }

    public Guid UpdatedByImport { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<AffectedParty>
    {
        public void Configure(EntityTypeBuilder<AffectedParty> party)
        {
            party.ToTable("affected_parties");
            party.HasKey(p => p.Id);
            // The reference code's index travels in the external id's (PostgreSQL's INCLUDE), so an import reads both
            // with one index-only scan. Codes are kept unique by the import's filter, not by an index of their own:
            // nothing looks a person up by code here, and that second random B-tree cost about 30 % of the database's
            // work per imported person (ImportWriter).
            party.HasIndex(p => new { p.IncidentId, p.ExternalIdIndex }).IsUnique().IncludeProperties(p => p.ReferenceCodeIndex);
            party.Property(p => p.ExternalIdIndex).HasConversion<BlindIndexConverter>();
            party.Property(p => p.ReferenceCodeIndex).HasConversion<BlindIndexConverter>();
            party.Property(p => p.EmailIndex).HasConversion<BlindIndexConverter>();
            party.Property(p => p.PhoneIndex).HasConversion<BlindIndexConverter>();
            party.Property(p => p.DateOfBirthIndex).HasConversion<BlindIndexConverter>();
            party.Property(p => p.PostcodeIndex).HasConversion<BlindIndexConverter>();
            party.Property(p => p.Record).HasConversion<EncryptedFieldConverter>();
            party.Property(p => p.Language).HasMaxLength(35);
            party.Property(p => p.DataCategories).HasMaxLength(400);
        }
    }
}
