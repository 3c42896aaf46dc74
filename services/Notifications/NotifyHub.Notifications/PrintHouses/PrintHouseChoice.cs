using Microsoft.EntityFrameworkCore;
using NotifyHub.Notifications.Database;

namespace NotifyHub.Notifications.PrintHouses;

/// <summary>
/// Which print house gets an incident's letters: the one most recently registered FOR that incident, else the one most
/// recently registered for all incidents (ids are version 7: they sort by registration time); revoked ones count, so that revoking the chosen house stops its letters
/// instead of quietly sending them elsewhere (register another to resume). None registered at all: the built-in
/// encrypted outbox folder, as before print houses existed.
/// </summary>
public static class PrintHouseChoice
{
    public static async Task<PrintHouse?> ForIncidentAsync(NotificationsDbContext db, Guid incidentId, CancellationToken ct) =>
        await db.PrintHouses.AsNoTracking().Where(h => h.IncidentId == incidentId).OrderByDescending(h => h.Id)
            .FirstOrDefaultAsync(ct)
        ?? await db.PrintHouses.AsNoTracking().Where(h => h.IncidentId == null).OrderByDescending(h => h.Id)
            .FirstOrDefaultAsync(ct);
}
