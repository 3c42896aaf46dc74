using NotifyHub.Privacy.Keys;
using System.Security.Cryptography;

namespace NotifyHub.Privacy.Audit;

/// <summary>
/// The keys that make the audit log evidence. One stored key of kind <see cref="KeyKind.AuditChain"/>, wrapped by the
/// root key like every other, so the database holds it only as ciphertext; two sub-keys are derived from it with HKDF:
/// one seals each entry (HMAC-SHA256), the other signs checkpoints, so a leaked checkpoint key cannot forge entries.
/// Root-key rotation re-wraps this key with every other live key (<see cref="KeyStore.RotateRootAsync"/>): its
/// material, and so both derived keys, never change, and chains and checkpoints written before a rotation still verify.
/// </summary>
public sealed class AuditKeys(KeyStore keys)
{
    /// <summary>The owner id of the single audit key: not a real record, just a fixed name for its row.</summary>
    public static readonly Guid OwnerId = new("a0d17000-0000-4000-8000-000000000001");

    public const string ChainLabel = "notifyhub/audit-chain";
    public const string CheckpointLabel = "notifyhub/audit-checkpoint";

    /// <summary>Creates the stored key on first use (at start, before any transaction needs it).</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken) =>
        await keys.GetCurrentAsync(OwnerId, KeyKind.AuditChain, cancellationToken);

    internal async Task<Material> GetAsync(CancellationToken cancellationToken)
    {
        var key = await keys.GetCurrentAsync(OwnerId, KeyKind.AuditChain, cancellationToken);
        return new Material(key.Derive(ChainLabel), key.Derive(CheckpointLabel));
    }

    /// <summary>The derived keys for one operation; zeroed when disposed.</summary>
    internal sealed class Material(byte[] chain, byte[] checkpoint) : IDisposable
    {
        public byte[] Chain { get; } = chain;

        public byte[] Checkpoint { get; } = checkpoint;

        public void Dispose()
        {
            CryptographicOperations.ZeroMemory(Chain);
            CryptographicOperations.ZeroMemory(Checkpoint);
        }
    }
}
