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
    /// <summary>A notification about to be sent to <see cref="Address"/>.</summary>
    public sealed record Candidate(Guid NotificationId, Guid IncidentId, Channel Channel, Sensitive<string> Address);

    /// <summary>Which of <paramref name="candidates"/> go to a suppressed address: one query for all of them.</summary>
    public async Task<HashSet<Guid>> SuppressedAsync(IReadOnlyCollection<Candidate> candidates, CancellationToken cancellationToken = default)
    {
        var indexed = new List<(Candidate Candidate, BlindIndexKind Kind, byte[] Index)>();
        foreach (var candidate in candidates)
        {
            if (await IndexAsync(candidate.IncidentId, candidate.Channel, candidate.Address, cancellationToken) is { } index)
            {
                indexed.Add((candidate, KindOf(candidate.Channel)!.Value, index));
            }
        }

        if (indexed.Count == 0)
        {
            return [];
        }

        var incidents = indexed.Select(i => i.Candidate.IncidentId).Distinct().ToList();
        var indexes = indexed.Select(i => i.Index).ToList();
        var found = await db.Suppressions.AsNoTracking()
            .Where(s => incidents.Contains(s.IncidentId) && indexes.Contains(s.AddressIndex))
            .Select(s => new { s.IncidentId, s.Kind, s.AddressIndex })
            .ToListAsync(cancellationToken);
        return [.. indexed
            .Where(i => found.Any(f => f.IncidentId == i.Candidate.IncidentId && f.Kind == i.Kind && f.AddressIndex.AsSpan().SequenceEqual(i.Index)))
            .Select(i => i.Candidate.NotificationId)];
    }

    /// <summary>Adds the address (idempotent) to the context; the caller's SaveChanges commits it with its other changes.</summary>
    public async Task AddAsync(Guid incidentId, Channel channel, Sensitive<string> address, SuppressionReason reason,
        CancellationToken cancellationToken = default)
    {
        if (await IndexAsync(incidentId, channel, address, cancellationToken) is not { } index)
        {
            return;
        }

        var kind = KindOf(channel)!.Value;
        if (await db.Suppressions.AnyAsync(s => s.IncidentId == incidentId && s.Kind == kind && s.AddressIndex == index, cancellationToken))
        {
            return;
        }

        db.Suppressions.Add(new Suppression
        {
            IncidentId = incidentId,
            Kind = kind,
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
