using Microsoft.EntityFrameworkCore;
using NotifyHub.Notifications.Database;

namespace NotifyHub.Notifications.Preferences;

/// <summary>Reads the preferences of many people of one or more incidents with one query: (incident, person) → preference.</summary>
public static class ContactPreferences
{
    public static async Task<Dictionary<(Guid IncidentId, Guid PersonId), ContactPreference>> ForAsync(
        NotificationsDbContext db, IReadOnlyCollection<Guid> incidentIds, IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        if (personIds.Count == 0)
        {
            return [];
        }

        var rows = await db.ContactPreferences.AsNoTracking()
            .Where(p => incidentIds.Contains(p.IncidentId) && personIds.Contains(p.PersonId))
            .ToListAsync(ct);
        return rows.ToDictionary(p => (p.IncidentId, p.PersonId));
    }
}
