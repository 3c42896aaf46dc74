namespace NotifyHub.BuildingBlocks.Auth;

public static class NotifyHubClaims
{
    public const string VendorId = "notifyhub:vendor";
}
