namespace NotifyHub.Privacy.Keys;

/// <summary>
/// Something outside the key store that is encrypted under the root key itself (the Data Protection key ring that
/// signs staff tokens): a rotation hands it both keys so it re-encrypts, or it would be unreadable afterwards.
/// </summary>
public interface IRootKeyRotationParticipant
{
    /// <returns>How many items were re-encrypted.</returns>
    Task<int> ReencryptAsync(RootKey oldRoot, RootKey newRoot, CancellationToken cancellationToken);
}
