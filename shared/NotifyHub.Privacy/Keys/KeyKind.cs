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
}
