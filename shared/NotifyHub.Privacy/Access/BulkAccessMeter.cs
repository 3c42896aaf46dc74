using Microsoft.EntityFrameworkCore;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Privacy.Access;

/// <summary>
/// The bulk-access rule (one user reading a list out record by record, as in the NTT Docomo breach): counts a
/// user's recent decrypts from the stored audit entries (so every service instance
/// sees the same count) and blocks the user past the limit.
/// </summary>
internal sealed class BulkAccessMeter(PrivacyDbContext db, KeyServiceOptions options, TimeProvider time)
{
    // Compiled once: every read through the key service runs it, and translating it again each time (parameter
    // extraction, cache lookup) cost more CPU than PostgreSQL spent executing it.
    private static readonly CompiledPerModel<Func<PrivacyDbContext, Guid?, Guid, Purpose, Guid, DateTimeOffset, CancellationToken, Task<MeterRow?>>> CountIfAssignedQuery = new(() =>
        EF.CompileAsyncQuery((PrivacyDbContext store, Guid? vendorId, Guid incidentId, Purpose purpose, Guid userId, DateTimeOffset windowStart, CancellationToken _) =>
            store.VendorAssignments
                .Where(a => a.VendorId == vendorId && a.IncidentId == incidentId && a.Purpose == purpose)
                .Select(a => new MeterRow(
                    store.AccessBlocks.Any(b => b.UserId == userId),
                    store.AuditEntries.Count(e =>
                        e.ActorUserId == userId && e.Action == AuditActions.ProjectionDecrypt &&
                        e.Outcome == AuditOutcomes.Granted && e.Time >= windowStart)))
                .FirstOrDefault()));

    public Task<AccessBlock?> FindBlockAsync(Guid userId, CancellationToken cancellationToken) =>
        db.AccessBlocks.AsNoTracking().SingleOrDefaultAsync(b => b.UserId == userId, cancellationToken);

    /// <summary>Granted decrypts in the window, not counting those up to the user's last unblocking.</summary>
    public Task<int> CountAsync(Guid userId, AccessBlock? block, CancellationToken cancellationToken)
    {
        var windowStart = time.Now() - options.Window;
        var granted = db.AuditEntries.Where(e =>
            e.ActorUserId == userId && e.Action == AuditActions.ProjectionDecrypt &&
            e.Outcome == AuditOutcomes.Granted && e.Time >= windowStart);
        if (block?.UnblockedAt is { } unblockedAt)
        {
            granted = granted.Where(e => e.Time > unblockedAt);
        }

        return granted.CountAsync(cancellationToken);
    }

    /// <summary>
    /// The usual read in one round trip: the user's granted decrypts in the window, provided the vendor is assigned to
    /// the incident for the purpose and the user has no block row at all (never blocked). Null otherwise: the caller
    /// then takes the step-by-step path, which tells a block from a missing assignment and honours an unblocking.
    /// </summary>
    public async Task<int?> CountIfAssignedAndNeverBlockedAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var row = await CountIfAssignedQuery.For(db)(db, request.VendorId, request.IncidentId, request.Purpose, request.UserId,
            time.Now() - options.Window, cancellationToken);
        return row is { Blocked: false } ? row.Count : null;
    }

    /// <returns>True when this call made the block, so that only one caller raises the event.</returns>
    public Task<bool> BlockAsync(AccessRequest request, int count, AccessBlock? previous, CancellationToken cancellationToken) =>
        new AccessBlocks(db, time).BlockAsync(request.UserId, request.VendorId ?? Guid.Empty, request.IncidentId, count, previous, cancellationToken);

    /// <returns>True when this call lifted an active block.</returns>
    public async Task<bool> UnblockAsync(Guid userId, Guid unblockedBy, CancellationToken cancellationToken)
    {
        var now = time.Now();
        var updated = await db.AccessBlocks
            .Where(b => b.UserId == userId && b.UnblockedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.UnblockedAt, now)
                .SetProperty(b => b.UnblockedBy, unblockedBy), cancellationToken);
        return updated == 1;
    }

    private sealed record MeterRow(bool Blocked, int Count);
}
