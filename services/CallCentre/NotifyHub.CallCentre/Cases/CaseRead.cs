using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.CallCentre.Cases;

/// <summary>One metered case view, counted on the supervisor's queue (the audit log holds the evidence).</summary>
public sealed class CaseRead
{
    public Guid Id { get; init; }

    public Guid AgentId { get; init; }

    public Guid VendorId { get; init; }

    public Guid CaseId { get; init; }

    public Guid IncidentId { get; init; }

    public DateTimeOffset At { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<CaseRead>
    {
        public void Configure(EntityTypeBuilder<CaseRead> read)
        {
            read.ToTable("case_reads");
            read.HasKey(r => r.Id);
            read.HasIndex(r => new { r.VendorId, r.At });
        }
    }
}
