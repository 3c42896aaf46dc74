using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Console.Auth;

/// <summary>
/// Failed sign-ins of one client address or one account in the window opened by the first of them, shared by every instance through the
/// database. <see cref="Key"/> is a hash: neither the address nor the email is stored.
/// </summary>
public sealed class SignInFailureCount
{
    public required string Key { get; init; }

    /// <summary>UTC ticks of the window's first failure: an integer compares the same way on SQLite and PostgreSQL.</summary>
    public long WindowStart { get; set; }

    public int Failures { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<SignInFailureCount>
    {
        public void Configure(EntityTypeBuilder<SignInFailureCount> count)
        {
            count.ToTable("sign_in_failures");
            count.HasKey(c => c.Key);
            count.Property(c => c.Key).HasMaxLength(80);
            count.HasIndex(c => c.WindowStart);
        }
    }
}
