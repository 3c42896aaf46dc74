using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Portal.People;

/// <summary>
/// One affected person as the portal holds them: blind indexes to compare what a visitor types, the portal projection
/// (language and data categories, ciphertext under the portal's holder key) and their channel choices. Nothing in
/// clear text, and no contact field at all, not even as ciphertext.
/// </summary>
public sealed class PortalPerson
{
    public Guid PersonId { get; init; }

    public Guid IncidentId { get; init; }

    public required byte[] Projection { get; set; }

    public required byte[] ReferenceCodeIndex { get; set; }

    public byte[]? DateOfBirthIndex { get; set; }

    public byte[]? PostcodeIndex { get; set; }

    public bool StopEmail { get; set; }

    public bool StopSms { get; set; }

    /// <summary>Failed factors since the last success or lock; the fifth locks the code.</summary>
    public int FailedFactors { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<PortalPerson>
    {
        public void Configure(EntityTypeBuilder<PortalPerson> person)
        {
            person.ToTable("people");
            person.HasKey(p => p.PersonId);
            person.Property(p => p.PersonId).ValueGeneratedNever();
            person.HasIndex(p => p.ReferenceCodeIndex);
            person.HasIndex(p => p.IncidentId);
        }
    }
}
