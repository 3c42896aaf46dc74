using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.CallCentre.Database;
using NotifyHub.Contracts.CallCentre;
using NotifyHub.Privacy;
using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Audit;
using System.Globalization;

namespace NotifyHub.CallCentre.Verification;

/// <summary>
/// Counts an agent's failed verifications and, past the limit, blocks them with the key service's own block (one
/// row per user in the privacy store): the blocked agent can then neither verify nor read a case, and is unblocked
/// the same way as after bulk reads, by a supervisor of the same vendor or an admin.
/// </summary>
internal sealed class VerificationMeter(
    CallCentreDbContext db, PrivacyDbContext privacy, AuditLog audit, IOptions<CallCentreOptions> options, TimeProvider clock)
{
    public async Task<bool> IsBlockedAsync(Guid agentId, CancellationToken ct) =>
        await privacy.AccessBlocks.AsNoTracking().AnyAsync(b => b.UserId == agentId && b.UnblockedAt == null, ct);

    /// <summary>Call after a failed attempt is saved. True when this failure blocked the agent.</summary>
    public async Task<bool> CountFailureAsync(Guid agentId, Guid vendorId, Guid? incidentId, CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var block = await privacy.AccessBlocks.AsNoTracking().SingleOrDefaultAsync(b => b.UserId == agentId, ct);
        var since = now - settings.VerificationWindow;
        if (block?.UnblockedAt is { } unblockedAt && unblockedAt > since)
        {
            since = unblockedAt; // failures before an unblock were already judged
        }

        var failures = await db.VerificationAttempts.CountAsync(a => a.AgentId == agentId && !a.Verified && a.At > since, ct);
        if (failures <= settings.MaxFailedVerifications || !await BlockAsync(agentId, vendorId, incidentId, failures, block, now, ct))
        {
            return false;
        }

        await audit.AppendAsync(new AuditEvent(AuditActions.AccessBlocked, AuditOutcomes.Done)
        {
            ActorUserId = agentId,
            ActorVendorId = vendorId,
            SubjectId = agentId,
            Details = new Dictionary<string, string>
            {
                ["reason"] = "verification_failures",
                ["failed_count"] = failures.ToString(CultureInfo.InvariantCulture),
                ["window"] = settings.VerificationWindow.ToString("c", CultureInfo.InvariantCulture),
            },
        }, ct);
        db.Publish(new VerificationAbuseSuspected(agentId, vendorId, failures, settings.VerificationWindow, now));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <returns>True when this call made the block (so one event is raised per block).</returns>
    private async Task<bool> BlockAsync(Guid agentId, Guid vendorId, Guid? incidentId, int count, AccessBlock? previous,
        DateTimeOffset now, CancellationToken ct)
    {
        if (previous is null)
        {
            var block = new AccessBlock
            {
                UserId = agentId, VendorId = vendorId, IncidentId = incidentId ?? Guid.Empty, RecordCount = count, BlockedAt = now,
            };
            privacy.AccessBlocks.Add(block);
            try
            {
                await privacy.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException)
            {
                return false; // blocked at the same moment by another instance
            }
            finally
            {
                privacy.Entry(block).State = EntityState.Detached;
            }
        }

        var updated = await privacy.AccessBlocks.Where(b => b.UserId == agentId && b.UnblockedAt != null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.VendorId, vendorId)
                .SetProperty(b => b.IncidentId, incidentId ?? Guid.Empty)
                .SetProperty(b => b.RecordCount, count)
                .SetProperty(b => b.BlockedAt, now)
                .SetProperty(b => b.UnblockedAt, (DateTimeOffset?)null)
                .SetProperty(b => b.UnblockedBy, (Guid?)null), ct);
        return updated == 1;
    }
}
