using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.CallCentre.Verification;

/// <summary>One caller verification by one agent: who, when, and whether it matched. Never what was typed.</summary>
public sealed class VerificationAttempt
{
    public Guid Id { get; init; }

    public Guid AgentId { get; init; }

    public Guid VendorId { get; init; }

    public bool Verified { get; init; }

    public DateTimeOffset At { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<VerificationAttempt>
    {
        public void Configure(EntityTypeBuilder<VerificationAttempt> attempt)
        {
            attempt.ToTable("verification_attempts");
            attempt.HasKey(a => a.Id);
            attempt.HasIndex(a => new { a.AgentId, a.At });
            attempt.HasIndex(a => new { a.VendorId, a.At });
        }
    }
}
