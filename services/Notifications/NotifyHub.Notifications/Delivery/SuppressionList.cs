using Microsoft.EntityFrameworkCore;
using NotifyHub.Notifications.Database;
using NotifyHub.Privacy.BlindIndexes;
using NotifyHub.Privacy.Fields;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// The incident's do-not-contact list: email addresses and phone numbers as blind indexes. Letters have no
/// address to suppress (a postal address is not compared, only printed), so they are never suppressed here.
/// </summary>
public sealed class SuppressionList(NotificationsDbContext db, BlindIndexer indexer, TimeProvider clock)
{
    public async Task<bool> IsSuppressedAsync(Guid incidentId, Channel channel, Sensitive<string> address,
        CancellationToken cancellationToken = default)
    {
        if (await IndexAsync(incidentId, channel, address, cancellationToken) is not { } index)
        {
            return false;
        }

        var kind = KindOf(channel)!.Value;
        return await db.Suppressions.AnyAsync(
            s => s.IncidentId == incidentId && s.Kind == kind && s.AddressIndex == index, cancellationToken);
    }

    /// <summary>Adds the address (idempotent) to the context; the caller's SaveChanges commits it with its other changes.</summary>
    public async Task AddAsync(Guid incidentId, Channel channel, Sensitive<string> address, SuppressionReason reason,
        CancellationToken cancellationToken = default)
    {
        if (await IndexAsync(incidentId, channel, address, cancellationToken) is not { } index ||
            await IsSuppressedAsync(incidentId, channel, address, cancellationToken))
        {
            return;
        }

        db.Suppressions.Add(new Suppression
        {
            IncidentId = incidentId,
            Kind = KindOf(channel)!.Value,
            AddressIndex = index,
            Reason = reason,
            CreatedAt = clock.GetUtcNow(),
        });
    }

    private async Task<byte[]?> IndexAsync(Guid incidentId, Channel channel, Sensitive<string> address, CancellationToken ct)
    {
        if (KindOf(channel) is not { } kind || !BlindIndexNormalizer.TryNormalize(kind, address.Reveal(), out _))
        {
            return null;
        }

        return (await indexer.ComputeAsync(incidentId, kind, address.Reveal(), ct)).ToArray();
    }

    private static BlindIndexKind? KindOf(Channel channel) => channel switch
    {
        Channel.Email => BlindIndexKind.Email,
        Channel.Sms => BlindIndexKind.Phone,
        _ => null,
    };
}
