using Microsoft.EntityFrameworkCore;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Privacy.Access;

/// <summary>
/// Which vendor may read which incident's projections for which purpose. Audited; whether the
/// actor may assign is decided by the calling endpoint (admins and privacy officers).
/// </summary>
public sealed class VendorAssignments(PrivacyDbContext db, KeyStore keys, AuditLog audit, TimeProvider time)
{
    /// <exception cref="KeyDestroyedException">The vendor was revoked: revocation is for good.</exception>
    public async Task AssignAsync(Guid vendorId, Guid incidentId, Purpose purpose, PrivacyActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await keys.IsDestroyedAsync(vendorId, KeyKind.Vendor, cancellationToken))
        {
            throw new KeyDestroyedException(vendorId, KeyKind.Vendor);
        }

        await db.InTransactionAsync(async ct =>
        {
            if (!await IsAssignedAsync(vendorId, incidentId, purpose, ct))
            {
                var assignment = new VendorAssignment
                {
                    VendorId = vendorId,
                    IncidentId = incidentId,
                    Purpose = purpose,
                    AssignedAt = time.Now(),
                    AssignedBy = actor.UserId,
                };
                db.VendorAssignments.Add(assignment);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                finally
                {
                    db.Entry(assignment).State = EntityState.Detached;
                }
            }

            return await audit.AppendAsync(Event(AuditActions.VendorAssigned, vendorId, incidentId, purpose, actor), ct);
        }, cancellationToken);
    }

    public async Task UnassignAsync(Guid vendorId, Guid incidentId, Purpose purpose, PrivacyActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await db.InTransactionAsync(async ct =>
        {
            await db.VendorAssignments
                .Where(a => a.VendorId == vendorId && a.IncidentId == incidentId && a.Purpose == purpose)
                .ExecuteDeleteAsync(ct);
            return await audit.AppendAsync(Event(AuditActions.VendorUnassigned, vendorId, incidentId, purpose, actor), ct);
        }, cancellationToken);
    }

    public Task<bool> IsAssignedAsync(Guid vendorId, Guid incidentId, Purpose purpose, CancellationToken cancellationToken = default) =>
        db.VendorAssignments.AnyAsync(
            a => a.VendorId == vendorId && a.IncidentId == incidentId && a.Purpose == purpose, cancellationToken);

    public async Task<IReadOnlyList<VendorAssignment>> ListAsync(Guid incidentId, CancellationToken cancellationToken = default) =>
        await db.VendorAssignments.AsNoTracking().Where(a => a.IncidentId == incidentId).ToListAsync(cancellationToken);

    private static AuditEvent Event(string action, Guid vendorId, Guid incidentId, Purpose purpose, PrivacyActor actor) =>
        new(action, AuditOutcomes.Done)
        {
            ActorUserId = actor.UserId,
            ActorVendorId = actor.VendorId,
            SubjectId = vendorId,
            Purpose = purpose,
            Details = new Dictionary<string, string> { ["incident_id"] = incidentId.ToString() },
        };
}
