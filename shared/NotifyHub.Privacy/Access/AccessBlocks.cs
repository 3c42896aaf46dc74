using Microsoft.EntityFrameworkCore;

namespace NotifyHub.Privacy.Access;

/// <summary>
/// The one block per user that stops every decrypt: set by the key service past the read limit and by the call
/// centre past the failed-verification limit, lifted by a supervisor of the same vendor or an admin. Modules reach
/// the blocks through this service, never through the privacy store's tables.
/// </summary>
public sealed class AccessBlocks(PrivacyDbContext db, TimeProvider time)
{
    // Compiled once: the call centre asks this before every verification.
    private static readonly CompiledPerModel<Func<PrivacyDbContext, Guid, CancellationToken, Task<bool>>> IsBlockedQuery = new(() =>
        EF.CompileAsyncQuery((PrivacyDbContext store, Guid userId, CancellationToken _) =>
            store.AccessBlocks.Any(b => b.UserId == userId && b.UnblockedAt == null)));

    public Task<AccessBlock?> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        db.AccessBlocks.AsNoTracking().SingleOrDefaultAsync(b => b.UserId == userId, cancellationToken);

    public Task<bool> IsBlockedAsync(Guid userId, CancellationToken cancellationToken) =>
        IsBlockedQuery.For(db)(db, userId, cancellationToken);

    /// <summary>The users of <paramref name="vendorId"/> blocked now.</summary>
    public async Task<IReadOnlySet<Guid>> BlockedUsersAsync(Guid vendorId, CancellationToken cancellationToken) =>
        (await db.AccessBlocks.AsNoTracking().Where(b => b.VendorId == vendorId && b.UnblockedAt == null)
            .Select(b => b.UserId).ToListAsync(cancellationToken)).ToHashSet();

    /// <param name="previous">The user's block row as read before counting (null when there never was one).</param>
    /// <returns>True when this call made the block, so that only one caller raises the event.</returns>
    public async Task<bool> BlockAsync(Guid userId, Guid vendorId, Guid incidentId, int count, AccessBlock? previous,
        CancellationToken cancellationToken)
    {
        var now = time.Now();
        if (previous is null)
        {
            var block = new AccessBlock
            {
                UserId = userId,
                VendorId = vendorId,
                IncidentId = incidentId,
                RecordCount = count,
                BlockedAt = now,
            };
            db.AccessBlocks.Add(block);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                return false; // another instance blocked this user first
            }
            finally
            {
                db.Entry(block).State = EntityState.Detached;
            }
        }

        var updated = await db.AccessBlocks
            .Where(b => b.UserId == userId && b.UnblockedAt != null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.VendorId, vendorId)
                .SetProperty(b => b.IncidentId, incidentId)
                .SetProperty(b => b.RecordCount, count)
                .SetProperty(b => b.BlockedAt, now)
                .SetProperty(b => b.UnblockedAt, (DateTimeOffset?)null)
                .SetProperty(b => b.UnblockedBy, (Guid?)null), cancellationToken);
        return updated == 1;
    }
}
