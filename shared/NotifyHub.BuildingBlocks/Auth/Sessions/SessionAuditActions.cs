namespace NotifyHub.BuildingBlocks.Auth.Sessions;

/// <summary>Audit action codes of staff sessions.</summary>
public static class SessionAuditActions
{
    public const string Logout = "auth.logout";
    public const string LogoutEverywhere = "auth.logout_everywhere";
    public const string RefreshReuse = "auth.refresh_reuse";
}
