using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Console.Staff;

/// <summary>A member of staff: privacy officer, auditor, admin, or a vendor's agent or supervisor. The email is the user name.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    /// <summary>The vendor an agent or supervisor works for; null for the controller's own staff.</summary>
    public Guid? VendorId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set while an admin has disabled the account; such an account is also locked out for good.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>A generated one-time password: every token stays restricted until the owner picks their own.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The last TOTP time step accepted for this user; a code from that step or earlier is a replay.</summary>
    public long? LastTotpTimeStep { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<StaffUser>
    {
        // Revoking a vendor finds its users by this column.
        public void Configure(EntityTypeBuilder<StaffUser> user) => user.HasIndex(u => u.VendorId);
    }
}
