using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NotifyHub.Privacy.Fields;

namespace NotifyHub.CallCentre.Cases;

/// <summary>An agent's note on a case, encrypted under the vendor's key: revoking the vendor makes it unreadable at once.</summary>
public sealed class CaseNote
{
    /// <summary>The name bound into the note's associated data.</summary>
    public const string FieldName = "callcentre.note";

    public Guid Id { get; init; }

    public Guid CaseId { get; init; }

    public Guid IncidentId { get; init; }

    public Guid VendorId { get; init; }

    public required EncryptedField Text { get; init; }

    public Guid AuthorId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<CaseNote>
    {
        public void Configure(EntityTypeBuilder<CaseNote> note)
        {
            note.ToTable("case_notes");
            note.HasKey(n => n.Id);
            note.HasIndex(n => n.CaseId);
            note.Property(n => n.Text).HasConversion<EncryptedFieldConverter>();
        }
    }
}
