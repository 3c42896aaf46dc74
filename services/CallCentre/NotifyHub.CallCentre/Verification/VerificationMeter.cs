using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.CallCentre.Database;
using NotifyHub.Contracts.CallCentre;
using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Audit;
using System.Globalization;

namespace NotifyHub.CallCentre.Verification;

/// <summary>
/// Counts an agent's failed verifications and, past the limit, blocks them with the key service's own block (one
/// row per user in the privacy store): the blocked agent can then neither verify nor read a case, and is unblocked
/// the same way as after bulk reads, by a supervisor of the same vendor or an admin.
/// </summary>
public sealed class VerificationMeter(
    CallCentreDbContext db, AccessBlocks blocks, AuditLog audit, IOptions<CallCentreOptions> options, TimeProvider clock)
{
    public async Task<bool> IsBlockedAsync(Guid agentId, CancellationToken ct) =>
        await blocks.IsBlockedAsync(agentId, ct);

    /// <summary>Call after a failed attempt is saved. True when this failure blocked the agent.</summary>
    public async Task<bool> CountFailureAsync(Guid agentId, Guid vendorId, Guid? incidentId, CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var block = await blocks.FindAsync(agentId, ct);
        var since = now - settings.VerificationWindow;
        if (block?.UnblockedAt is { } unblockedAt && unblockedAt > since)
        {
            since = unblockedAt; // failures before an unblock were already judged
        }

        var failures = await db.VerificationAttempts.CountAsync(a => a.AgentId == agentId && !a.Verified && a.At > since, ct);
        if (failures <= settings.MaxFailedVerifications || !await blocks.BlockAsync(agentId, vendorId, incidentId ?? Guid.Empty, failures, block, ct))
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
}
