using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Platform;
using NotifyHub.Privacy.Keys;
using System.Xml.Linq;

namespace NotifyHub.BuildingBlocks.Auth.KeyRing;

/// <summary>
/// <c>keys rotate-root</c> for the Data Protection key ring: each stored key was encrypted under a key derived from
/// the old root key; it is decrypted and encrypted again under the new one, in one transaction, so staff tokens and
/// cookies issued before the rotation stay valid after it.
/// </summary>
internal sealed class KeyRingRootRotation(PlatformDbContext db) : IRootKeyRotationParticipant
{
    public async Task<int> ReencryptAsync(RootKey oldRoot, RootKey newRoot, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var count = 0;
        foreach (var row in await db.DataProtectionKeys.ToListAsync(cancellationToken))
        {
            if (string.IsNullOrWhiteSpace(row.Xml))
            {
                continue;
            }

            var key = XElement.Parse(row.Xml);
            var sealedParts = key.Descendants(KeyRingCipher.ElementName)
                .Where(e => (string?)e.Attribute("rootKeyId") == oldRoot.Id).ToList();
            foreach (var part in sealedParts)
            {
                part.ReplaceWith(KeyRingCipher.Encrypt(newRoot, KeyRingCipher.Decrypt(oldRoot, part)));
            }

            if (sealedParts.Count > 0)
            {
                row.Xml = key.ToString(SaveOptions.DisableFormatting);
                count++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }
}
