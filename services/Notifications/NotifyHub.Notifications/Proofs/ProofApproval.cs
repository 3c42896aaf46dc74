using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NotifyHub.Notifications.Templates;

namespace NotifyHub.Notifications.Proofs;

/// <summary>
/// A privacy officer's sign-off of one language of one letter template version, after reading its proof. A template
/// version never changes, so the approval holds for exactly that text; a new version starts with none.
/// </summary>
public sealed class ProofApproval
{
    public Guid TemplateId { get; init; }

    public required string Language { get; init; }

    /// <summary>The version approved, kept beside the id so the record reads on its own (and the audit entry says it too).</summary>
    public int TemplateVersion { get; init; }

    public required string ApprovedBy { get; init; }

    public DateTimeOffset ApprovedAt { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<ProofApproval>
    {
        public void Configure(EntityTypeBuilder<ProofApproval> approval)
        {
            approval.ToTable("proof_approvals");
            approval.HasKey(a => new { a.TemplateId, a.Language });
            approval.Property(a => a.Language).HasMaxLength(35);
            approval.Property(a => a.ApprovedBy).HasMaxLength(100);
            approval.Property(a => a.ApprovedAt).HasConversion(Database.UtcTicks.Converter);
            approval.HasOne<Template>().WithMany().HasForeignKey(a => a.TemplateId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
