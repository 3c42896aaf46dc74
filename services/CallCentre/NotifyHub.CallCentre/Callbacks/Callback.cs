using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.Privacy.Fields;

namespace NotifyHub.CallCentre.Callbacks;

/// <summary>
/// A promised call back. The one-time code the agent reads out is kept encrypted under the vendor's key (for the
/// agent who calls) and as a hash (what the portal checks); the reason is encrypted too.
/// </summary>
public sealed class Callback
{
    public const string ReasonField = "callcentre.callback.reason";
    public const string CodeField = "callcentre.callback.code";

    public Guid Id { get; init; }

    public Guid CaseId { get; init; }

    public Guid IncidentId { get; init; }

    public Guid VendorId { get; init; }

    public DateTimeOffset DueAt { get; init; }

    public required EncryptedField Reason { get; init; }

    public required EncryptedField Code { get; init; }

    public required byte[] CodeHash { get; init; }

    public CallbackStatus Status { get; set; } = CallbackStatus.Pending;

    public Guid CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DoneAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<Callback>
    {
        public void Configure(EntityTypeBuilder<Callback> callback)
        {
            callback.ToTable("callbacks");
            callback.HasKey(c => c.Id);
            callback.HasIndex(c => c.CaseId);
            callback.HasIndex(c => new { c.VendorId, c.Status, c.DueAt });
            callback.Property(c => c.Status).HasConversion<WireCodeConverter<CallbackStatus>>().HasMaxLength(20);
            callback.Property(c => c.Reason).HasConversion<EncryptedFieldConverter>();
            callback.Property(c => c.Code).HasConversion<EncryptedFieldConverter>();
        }
    }
}
