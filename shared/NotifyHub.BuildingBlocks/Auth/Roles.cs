namespace NotifyHub.BuildingBlocks.Auth;

/// <summary>Staff roles. Agents and supervisors belong to one vendor (claim <see cref="NotifyHubClaims.VendorId"/>).</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string PrivacyOfficer = "PrivacyOfficer";
    public const string Supervisor = "Supervisor";
    public const string Agent = "Agent";
    public const string Auditor = "Auditor";

    public static IReadOnlyList<string> All { get; } = [Admin, PrivacyOfficer, Supervisor, Agent, Auditor];

    /// <summary>Roles that must carry a vendor id.</summary>
    public static IReadOnlyList<string> VendorScoped { get; } = [Supervisor, Agent];
}
