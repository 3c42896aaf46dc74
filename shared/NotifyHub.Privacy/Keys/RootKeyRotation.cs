using NotifyHub.Privacy.Audit;

namespace NotifyHub.Privacy.Keys;

/// <summary>
/// <c>notifyhub keys rotate-root</c>: a new root key re-wraps every stored key in one transaction (no data is
/// re-encrypted), then takes the old one's place. With the local key file, the file is replaced; with a key from
/// configuration, the new key is handed back for the operator to put in configuration; an external KMS rotates
/// its own keys.
/// </summary>
public sealed class RootKeyRotation(KeyStore keys, IRootKeyProvider provider, AuditLog audit, IEnumerable<IRootKeyRotationParticipant> participants)
{
    public async Task<RootKeyRotated> RotateAsync(Guid? actorUserId, CancellationToken cancellationToken = default)
    {
        if (provider is not LocalKeyRing ring)
        {
            throw new NotSupportedException(
                $"The root key comes from {provider.GetType().Name}; rotate it there and re-wrap with that provider's tooling.");
        }

        var oldRoot = await provider.GetRootKeyAsync(cancellationToken);
        await keys.VerifyRootKeyAsync(cancellationToken);
        var newRoot = RootKey.Generate();
        var pending = ring.UsesKeyFile ? ring.KeyFilePath + ".next" : null;
        if (pending is not null)
        {
            // Saved before the store changes, so a crash between the two leaves the new key on disk, not lost.
            RootKeyFile.Write(pending, newRoot.Material, replace: true);
        }

        var rewrapped = await keys.RotateRootAsync(newRoot, cancellationToken);
        var reencrypted = 0;
        foreach (var participant in participants)
        {
            reencrypted += await participant.ReencryptAsync(oldRoot, newRoot, cancellationToken);
        }

        if (pending is not null)
        {
            ring.ReplaceKeyFile(newRoot);
            File.Delete(pending);
        }

        await audit.AppendAsync(
            new AuditEvent(AuditActions.RootKeyRotated, AuditOutcomes.Done)
            {
                ActorUserId = actorUserId,
                Details = new Dictionary<string, string>
                {
                    ["old_root"] = oldRoot.Id,
                    ["new_root"] = newRoot.Id,
                    ["keys_rewrapped"] = rewrapped.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["other_items_reencrypted"] = reencrypted.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            },
            cancellationToken);

        return new RootKeyRotated(oldRoot.Id, newRoot.Id, rewrapped, pending is null ? newRoot.ToBase64() : null);
    }
}

/// <summary>
/// What a rotation did. <see cref="NewKeyForConfiguration"/> is set only when the root key came from
/// configuration: the operator must put it there before the next start.
/// </summary>
public sealed record RootKeyRotated(string OldRootId, string NewRootId, int KeysRewrapped, string? NewKeyForConfiguration)
{
    public override string ToString() => $"RootKeyRotated({OldRootId} -> {NewRootId}, {KeysRewrapped} keys)";
}
