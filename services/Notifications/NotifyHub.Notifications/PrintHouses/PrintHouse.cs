using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NotifyHub.BuildingBlocks.Codes;

namespace NotifyHub.Notifications.PrintHouses;

/// <summary>
/// A print house letters are handed to, registered by a privacy officer with its PUBLIC key only: batches are encrypted
/// to that key, so once handed over NotifyHub itself can no longer open them. A print house registered for an incident
/// prints that incident's letters; one registered without an incident prints for every incident that has none of its
/// own (see <see cref="PrintHouseChoice"/>). Revoked, it receives nothing more, ever.
/// </summary>
public sealed class PrintHouse
{
    public Guid Id { get; init; }

    public required string Name { get; init; }

    public Guid? IncidentId { get; init; }

    public PrintHouseKeyKind KeyKind { get; init; }

    /// <summary>The armored OpenPGP public key block or the PEM certificate (public material, stored as given).</summary>
    public required string PublicKey { get; init; }

    /// <summary>The OpenPGP key fingerprint or the certificate's SHA-256 thumbprint, hex: what the officer checks with the print house.</summary>
    public required string KeyFingerprint { get; init; }

    /// <summary>Unset: batches go to a local folder (<c>{DataDirectory}/print-houses/{id}/incoming</c>).</summary>
    public string? SftpHost { get; init; }

    public int? SftpPort { get; init; }

    public string? SftpUser { get; init; }

    /// <summary>The server's host key fingerprint as ssh prints it, <c>SHA256:…</c>; any other key is refused.</summary>
    public string? SftpHostKeySha256 { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public bool IsRevoked => RevokedAt is not null;

    public bool UsesSftp => SftpHost is not null;

    internal sealed class Configuration : IEntityTypeConfiguration<PrintHouse>
    {
        public void Configure(EntityTypeBuilder<PrintHouse> house)
        {
            house.ToTable("print_houses");
            house.HasKey(h => h.Id);
            house.Property(h => h.Name).HasMaxLength(120);
            house.Property(h => h.KeyKind).HasConversion<WireCodeConverter<PrintHouseKeyKind>>().HasMaxLength(10);
            house.Property(h => h.PublicKey).HasMaxLength(64_000);
            house.Property(h => h.KeyFingerprint).HasMaxLength(80);
            house.Property(h => h.SftpHost).HasMaxLength(255);
            house.Property(h => h.SftpUser).HasMaxLength(100);
            house.Property(h => h.SftpHostKeySha256).HasMaxLength(80);
            house.Property(h => h.CreatedBy).HasMaxLength(100);
            house.Property(h => h.RevokedBy).HasMaxLength(100);
            house.HasIndex(h => h.IncidentId);
        }
    }
}
