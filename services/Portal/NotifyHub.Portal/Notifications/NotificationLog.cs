using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.Portal.Database;

namespace NotifyHub.Portal.Notifications;

/// <summary>
/// Keeps each notification's latest state. Events can arrive out of order (a delivery receipt before the send
/// event), so a state never moves back: delivered and failed win over sent. One upsert, in the consumer's
/// transaction: a letter's sent and delivered events arrive together, and a read-then-insert from each would race on
/// the key, failing one of them into a retry.
/// </summary>
internal static class NotificationLog
{
    public static Task RecordAsync(PortalDbContext db, Guid notificationId, Guid incidentId, Guid personId, string channel,
        string status, DateTimeOffset at, CancellationToken ct)
    {
        var n = StoreNames.Of<PortalNotification>(db);
        var (id, statusColumn, atColumn) = (n.Column(nameof(PortalNotification.NotificationId)), n.Column(nameof(PortalNotification.Status)),
            n.Column(nameof(PortalNotification.At)));
        var sql = $"INSERT INTO {n.Table} AS t ({id}, {n.Column(nameof(PortalNotification.IncidentId))}, {n.Column(nameof(PortalNotification.PersonId))}, "
            + $"{n.Column(nameof(PortalNotification.Channel))}, {statusColumn}, {atColumn}) VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}}, {{5}}) "
            + $"ON CONFLICT ({id}) DO UPDATE SET {statusColumn} = excluded.{statusColumn}, {atColumn} = excluded.{atColumn} "
            + $"WHERE excluded.{statusColumn} <> 'sent' OR t.{statusColumn} = 'sent'";
        // Times are stored as UTC ticks (Timestamps.StoreAsUtcTicks), so that both providers order them.
        return db.Database.ExecuteSqlRawAsync(sql, [notificationId, incidentId, personId, channel, status, at.UtcTicks], ct);
    }
}
