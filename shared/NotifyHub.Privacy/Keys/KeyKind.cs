namespace NotifyHub.Privacy.Keys;

/// <summary>What a key is for. The numbers are written into ciphertexts: never renumber.</summary>
public enum KeyKind : byte
{
    /// <summary>Per incident: encrypts the controller's copy of personal fields.</summary>
    IncidentData = 1,

    /// <summary>Per incident: the HMAC key for blind indexes. Never rotated, or old indexes stop matching.</summary>
    IncidentIndex = 2,

    /// <summary>Per vendor: encrypts that vendor's projections. Destroying it revokes the vendor.</summary>
    Vendor = 3,

    /// <summary>
    /// One for the whole store: the audit chain's HMAC key and the checkpoint signing key are derived from it.
    /// Never rotated nor destroyed, or the chain written under it could no longer be verified.
    /// </summary>
    AuditChain = 4,

    /// <summary>
    /// Per import: encrypts the uploaded file spooled to disk while it is imported. Kept wrapped like the others so an
    /// import interrupted by a crash can resume; destroyed with the spool when the import ends.
    /// </summary>
    ImportSpool = 5,
}
