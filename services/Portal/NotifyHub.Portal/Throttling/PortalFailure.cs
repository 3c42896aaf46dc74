using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Portal.Throttling;

/// <summary>
/// One failed check (status or callback code), counted in the database so every portal instance sees the same
/// numbers. The client address is kept only as a keyed HMAC under the portal's own index key, never in clear.
/// </summary>
public sealed class PortalFailure
{
    public long Id { get; init; }

    public required byte[] ClientKey { get; init; }

    public DateTimeOffset At { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<PortalFailure>
    {
        public void Configure(EntityTypeBuilder<PortalFailure> failure)
        {
            failure.ToTable("failures");
            failure.HasKey(f => f.Id);
            failure.HasIndex(f => new { f.ClientKey, f.At });
            failure.HasIndex(f => f.At);
        }
    }
}
