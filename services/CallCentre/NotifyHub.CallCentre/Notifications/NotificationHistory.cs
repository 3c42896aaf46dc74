using NotifyHub.CallCentre.Database;

namespace NotifyHub.CallCentre.Notifications;

internal static class NotificationHistory
{
    /// <summary>Upserts by notification id; a later state replaces an earlier one, whatever order they arrive in.</summary>
    public static async Task RecordAsync(CallCentreDbContext db, Guid notificationId, Guid incidentId, Guid personId,
        string channel, string status, DateTimeOffset at, CancellationToken ct)
    {
        var row = await db.PersonNotifications.FindAsync([notificationId], ct);
        if (row is null)
        {
            db.PersonNotifications.Add(new PersonNotification
            {
                NotificationId = notificationId, IncidentId = incidentId, PersonId = personId, Channel = channel,
                Status = status, SentAt = at, At = at,
            });
            return;
        }

        if (status == "sent")
        {
            row.SentAt = at;
        }

        if (at >= row.At || row.Status == "sent")
        {
            row.Status = status == "sent" ? row.Status : status;
            row.At = status == "sent" ? row.At : at;
        }
    }
}
