using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NotifyHub.BuildingBlocks.Codes;

namespace NotifyHub.CallCentre.Cases;

/// <summary>A verified caller's case, worked by one vendor. Holds ids only; the person is read through the key service.</summary>
public sealed class Case
{
    public Guid Id { get; init; }

    public Guid IncidentId { get; init; }

    public Guid VendorId { get; init; }

    public Guid PersonId { get; init; }

    public CaseStatus Status { get; set; } = CaseStatus.Open;

    public Guid OpenedBy { get; init; }

    public DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; set; }

    public Guid? ClosedBy { get; set; }

    public string? Outcome { get; set; }

    /// <summary>The unique index on open cases (vendor, incident, person).</summary>
    internal const string OneOpenPerPerson = "IX_cases_one_open_per_person";

    internal sealed class Configuration : IEntityTypeConfiguration<Case>
    {
        public void Configure(EntityTypeBuilder<Case> item)
        {
            item.ToTable("cases");
            item.HasKey(c => c.Id);
            // A person has at most one open case with a vendor: two agents verifying the same caller at once get the
            // same case. Partial and unique, so the verification's "open case" lookup is one exact index probe
            // (the old (vendor, incident, person, status) index lost to (vendor, status) in the planner, which then
            // walked every open and recently closed case of the vendor on each verification).
            item.HasIndex(c => new { c.VendorId, c.IncidentId, c.PersonId }, OneOpenPerPerson)
                .IsUnique().HasFilter("\"Status\" = 'open'");
            item.HasIndex(c => new { c.VendorId, c.Status });
            item.Property(c => c.Status).HasConversion<WireCodeConverter<CaseStatus>>().HasMaxLength(20);
            item.Property(c => c.Outcome).HasMaxLength(40);
        }
    }
}
