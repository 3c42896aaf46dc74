using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.CallCentre.Assignments;

/// <summary>
/// What one vendor holds about one affected person: the call-centre projection (ciphertext under the vendor's key,
/// read only through the key service) and the blind indexes that verify a caller. No value in clear text.
/// </summary>
public sealed class CallerRecord
{
    public Guid IncidentId { get; init; }

    public Guid VendorId { get; init; }

    public Guid PersonId { get; init; }

    public required byte[] Projection { get; set; }

    public required byte[] ReferenceCodeIndex { get; set; }

    public byte[]? PhoneIndex { get; set; }

    public byte[]? DateOfBirthIndex { get; set; }

    public byte[]? PostcodeIndex { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<CallerRecord>
    {
        public void Configure(EntityTypeBuilder<CallerRecord> record)
        {
            record.ToTable("caller_records");
            record.HasKey(r => new { r.VendorId, r.IncidentId, r.PersonId });
            record.HasIndex(r => new { r.VendorId, r.IncidentId, r.ReferenceCodeIndex });
            record.HasIndex(r => new { r.VendorId, r.IncidentId, r.PhoneIndex });
        }
    }
}
