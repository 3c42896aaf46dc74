namespace NotifyHub.Privacy.Audit;

/// <summary>The actions the privacy library records. Other modules may add their own codes.</summary>
public static class AuditActions
{
    public const string ProjectionDecrypt = "projection.decrypt";
    public const string AccessBlocked = "access.block";
    public const string AccessUnblocked = "access.unblock";
    public const string VendorAssigned = "vendor.assign";
    public const string VendorUnassigned = "vendor.unassign";
    public const string VendorRevoked = "vendor.revoke";
    public const string IncidentShredded = "incident.shred";
    public const string RootKeyRotated = "root_key.rotate";
}
