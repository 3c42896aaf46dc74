namespace NotifyHub.Privacy.Access;

/// <summary>The staff roles of the public contract, as the identity system names them.</summary>
public static class PrivacyRoles
{
    public const string Admin = "Admin";
    public const string PrivacyOfficer = "PrivacyOfficer";
    public const string Supervisor = "Supervisor";
    public const string Agent = "Agent";
    public const string Auditor = "Auditor";
}
