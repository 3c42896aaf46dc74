using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Portal.Callbacks;

/// <summary>
/// A callback an agent promised, as the call centre announced it: only the SHA-256 of its one-time code, so the
/// portal can say "genuine" without ever holding the code itself.
/// </summary>
public sealed class KnownCallbackCode
{
    public Guid CallbackId { get; init; }

    public Guid IncidentId { get; init; }

    public required byte[] CodeHash { get; init; }

    public DateTimeOffset DueAt { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<KnownCallbackCode>
    {
        public void Configure(EntityTypeBuilder<KnownCallbackCode> code)
        {
            code.ToTable("callback_codes");
            code.HasKey(c => c.CallbackId);
            code.Property(c => c.CallbackId).ValueGeneratedNever();
            code.HasIndex(c => c.CodeHash);
            code.HasIndex(c => c.IncidentId);
        }
    }
}
