using Microsoft.EntityFrameworkCore;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Keys;

namespace NotifyHub.Privacy.Access;

/// <summary>
/// Cuts a vendor off for good: destroys its key (every projection it ever held, including
/// copies taken out, becomes unreadable) and removes its assignments, with the audit entry in
/// the same transaction. Whether the actor may revoke is decided by the calling endpoint.
/// </summary>
public sealed class VendorRevocation(PrivacyDbContext db, KeyStore keys, AuditLog audit)
{
    public async Task RevokeAsync(Guid vendorId, PrivacyActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await db.InTransactionAsync(async ct =>
        {
            var keyVersions = await keys.DestroyAsync(vendorId, KeyKind.Vendor, ct);
            var assignments = await db.VendorAssignments.Where(a => a.VendorId == vendorId).ExecuteDeleteAsync(ct);
            return await audit.AppendAsync(
                new AuditEvent(AuditActions.VendorRevoked, AuditOutcomes.Done)
                {
                    ActorUserId = actor.UserId,
                    ActorVendorId = actor.VendorId,
                    SubjectId = vendorId,
                    Details = new Dictionary<string, string>
                    {
                        ["key_versions_destroyed"] = keyVersions.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["assignments_removed"] = assignments.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    },
                },
                ct);
        }, cancellationToken);
    }
}
