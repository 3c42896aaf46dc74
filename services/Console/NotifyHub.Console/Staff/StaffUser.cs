using Microsoft.AspNetCore.Identity;

namespace NotifyHub.Console.Staff;

/// <summary>A member of staff: privacy officer, auditor, admin, or a vendor's agent or supervisor.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    /// <summary>The vendor an agent or supervisor works for; null for the controller's own staff.</summary>
    public Guid? VendorId { get; set; }
}
