namespace NotifyHub.BuildingBlocks.Auth;

public static class NotifyHubClaims
{
    public const string VendorId = "notifyhub:vendor";

    /// <summary>Set on an account whose password was issued once (the bootstrap admin): pages send it to change it first.</summary>
    public const string MustChangePassword = "notifyhub:must_change_password";
}
