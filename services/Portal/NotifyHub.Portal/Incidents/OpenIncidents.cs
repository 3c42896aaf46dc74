using Microsoft.EntityFrameworkCore;
using NotifyHub.Portal.Database;

namespace NotifyHub.Portal.Incidents;

/// <summary>
/// The ids of open incidents, cached briefly: every status check computes the typed code's index once per open
/// incident (each has its own index key), and there are only a few, so reading them per request would be waste.
/// Each instance caches on its own; an incident opened elsewhere shows up within <see cref="Lifetime"/>.
/// </summary>
public sealed class OpenIncidents(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private volatile Snapshot? _snapshot;

    public async Task<IReadOnlyList<Guid>> ListAsync(PortalDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_snapshot is { } snapshot && snapshot.Until > now)
        {
            return snapshot.Ids;
        }

        var ids = await db.Incidents.AsNoTracking().Where(i => i.Open).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);
        _snapshot = new Snapshot(ids, now + Lifetime);
        return ids;
    }

    public void Invalidate() => _snapshot = null;

    private sealed record Snapshot(IReadOnlyList<Guid> Ids, DateTimeOffset Until);
}
