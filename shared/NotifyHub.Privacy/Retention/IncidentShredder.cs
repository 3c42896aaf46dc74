using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Keys;

namespace NotifyHub.Privacy.Retention;

/// <summary>
/// Closes an incident past its retention period by destroying its data and index keys: every
/// encrypted field and blind index of the incident, wherever copies went, becomes noise.
/// </summary>
public sealed class IncidentShredder(PrivacyDbContext db, KeyStore keys, AuditLog audit)
{
    /// <param name="actor">Who decided; <see cref="Guid.Empty"/> for an operator at the command line, who is named
    /// by <see cref="AuditOperator"/> rather than by a made-up user id.</param>
    /// <param name="details">Ids and counts the caller adds to the entry (e.g. how many people it deletes).</param>
    public Task ShredAsync(Guid incidentId, PrivacyActor actor, CancellationToken cancellationToken = default) =>
        ShredAsync(incidentId, actor, details: null, cancellationToken);

    /// <inheritdoc cref="ShredAsync(Guid, PrivacyActor, CancellationToken)"/>
    public async Task ShredAsync(Guid incidentId, PrivacyActor actor, IReadOnlyDictionary<string, string>? details,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await db.InTransactionAsync(async ct =>
        {
            var data = await keys.DestroyAsync(incidentId, KeyKind.IncidentData, ct);
            var index = await keys.DestroyAsync(incidentId, KeyKind.IncidentIndex, ct);
            return await audit.AppendAsync(
                new AuditEvent(AuditActions.IncidentShredded, AuditOutcomes.Done)
                {
                    ActorUserId = actor.UserId == Guid.Empty ? null : actor.UserId,
                    ActorVendorId = actor.VendorId,
                    SubjectId = incidentId,
                    Details = new Dictionary<string, string>(details ?? new Dictionary<string, string>())
                    {
                        ["key_versions_destroyed"] = (data + index).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    },
                },
                ct);
        }, cancellationToken);
    }
}
