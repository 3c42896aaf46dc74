namespace NotifyHub.Console.Vendors;

/// <summary>A vendor is active until revoked; revocation is final.</summary>
public static class VendorStatus
{
    public const string Active = "active";
    public const string Revoked = "revoked";
}
