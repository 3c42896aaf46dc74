namespace NotifyHub.BuildingBlocks.Auth.Sessions;

/// <summary>Why sessions end: the codes stored in <see cref="StaffSession.RevokedReason"/>.</summary>
public static class SessionRevocationReasons
{
    public const string Logout = "logout";
    public const string LogoutEverywhere = "logout_everywhere";
    public const string RefreshTokenReused = "refresh_token_reused";
    public const string PasswordChanged = "password_changed";
    public const string TwoFactorEnabled = "two_factor_enabled";
    public const string TwoFactorDisabled = "two_factor_disabled";
    public const string VendorRevoked = "vendor_revoked";
    public const string AccountLocked = "account_locked";
}
