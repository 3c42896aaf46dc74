namespace NotifyHub.Console.Audit;

/// <summary>Audit action codes for sign-in and staff accounts. Entries carry ids and codes, never an email.</summary>
public static class AccountAuditActions
{
    public const string SignIn = "auth.sign_in";
    public const string Lockout = "auth.lockout";
    public const string PasswordChanged = "auth.password_change";
    public const string TwoFactorEnabled = "auth.2fa_enable";
    public const string TwoFactorDisabled = "auth.2fa_disable";
    public const string TwoFactorReset = "staff.2fa_reset";
    public const string StaffCreated = "staff.create";
    public const string StaffRolesChanged = "staff.roles_change";
    public const string StaffDisabled = "staff.disable";
    public const string StaffEnabled = "staff.enable";
    public const string StaffUnlocked = "staff.unlock";
    public const string StaffRemoved = "staff.remove";
}
