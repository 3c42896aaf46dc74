using Microsoft.EntityFrameworkCore;
using NotifyHub.Portal.Database;

namespace NotifyHub.Portal.Notifications;

/// <summary>
/// Keeps each notification's latest state. Events can arrive out of order (a delivery receipt before the send
/// event), so a state never moves back: delivered and failed win over sent.
/// </summary>
internal static class NotificationLog
{
    public static async Task RecordAsync(PortalDbContext db, Guid notificationId, Guid incidentId, Guid personId, string channel,
        string status, DateTimeOffset at, CancellationToken ct)
    {
        var row = await db.Notifications.FirstOrDefaultAsync(n => n.NotificationId == notificationId, ct);
        if (row is null)
        {
            db.Notifications.Add(new PortalNotification
            {
                NotificationId = notificationId, IncidentId = incidentId, PersonId = personId, Channel = channel, Status = status, At = at,
            });
            return;
        }

        if (status != "sent" || row.Status == "sent")
        {
            row.Status = status;
            row.At = at;
        }
    }
}
