namespace NotifyHub.Privacy.Access;

/// <summary>Why the key service refused. The audit log records the same code.</summary>
public enum AccessDenialReason
{
    /// <summary>None of the user's roles may read projections for this purpose.</summary>
    Role = 1,

    /// <summary>The projection is not encrypted under the user's vendor's key (or the user has no vendor).</summary>
    WrongVendor = 2,

    /// <summary>The user's vendor is not assigned to this incident for this purpose.</summary>
    NotAssigned = 3,
}
