using Microsoft.EntityFrameworkCore;
using NotifyHub.Privacy.Audit;

namespace NotifyHub.Privacy.Access;

/// <summary>
/// How many records each user of a vendor has read through the key service since a time, counted from the key
/// service's own audit entries (one granted decrypt per record read): the evidence and the tally are the same rows,
/// and a read costs no second write. For the call centre supervisor's "reads today".
/// </summary>
public sealed class RecordReads(PrivacyDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, int>> ByUserSinceAsync(Guid vendorId, DateTimeOffset since, CancellationToken cancellationToken) =>
        await db.AuditEntries.AsNoTracking()
            .Where(e => e.ActorVendorId == vendorId && e.Action == AuditActions.ProjectionDecrypt && e.Outcome == AuditOutcomes.Granted
                && e.Time >= since && e.ActorUserId != null)
            .GroupBy(e => e.ActorUserId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
