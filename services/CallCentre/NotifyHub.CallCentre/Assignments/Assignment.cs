using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NotifyHub.BuildingBlocks.Codes;

namespace NotifyHub.CallCentre.Assignments;

/// <summary>
/// One vendor working one incident, with the progress of its projections' back-fill. An unassigned or revoked
/// assignment stays as history; assigning again makes a new one.
/// </summary>
public sealed class Assignment
{
    public Guid Id { get; init; }

    public Guid IncidentId { get; init; }

    public Guid VendorId { get; init; }

    public AssignmentStatus Status { get; set; } = AssignmentStatus.Running;

    /// <summary>People intake counted when the back-fill started; null until its first page arrives.</summary>
    public int? Total { get; set; }

    /// <summary>People whose projection the call centre holds for this assignment.</summary>
    public int Projected { get; set; }

    public DateTimeOffset AssignedAt { get; init; }

    public Guid AssignedBy { get; init; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public bool IsActive => Status is AssignmentStatus.Running or AssignmentStatus.Completed;

    internal sealed class Configuration : IEntityTypeConfiguration<Assignment>
    {
        public void Configure(EntityTypeBuilder<Assignment> assignment)
        {
            assignment.ToTable("assignments");
            assignment.HasKey(a => a.Id);
            assignment.HasIndex(a => new { a.IncidentId, a.VendorId });
            assignment.Property(a => a.Status).HasConversion<WireCodeConverter<AssignmentStatus>>().HasMaxLength(20);
            assignment.Ignore(a => a.IsActive);
        }
    }
}
