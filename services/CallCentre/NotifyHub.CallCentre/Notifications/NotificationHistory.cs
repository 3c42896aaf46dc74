using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.CallCentre.Database;

namespace NotifyHub.CallCentre.Notifications;

internal static class NotificationHistory
{
    /// <summary>
    /// Upserts by notification id; a later state replaces an earlier one, whatever order they arrive in, and the send
    /// event only sets the time sent. One statement, in the consumer's transaction: a letter's sent and delivered
    /// events arrive together, and a read-then-insert from each would race on the key, failing one into a retry.
    /// </summary>
    public static Task RecordAsync(CallCentreDbContext db, Guid notificationId, Guid incidentId, Guid personId,
        string channel, string status, DateTimeOffset at, CancellationToken ct)
    {
        var n = StoreNames.Of<PersonNotification>(db);
        var (id, state, sentAt, when) = (n.Column(nameof(PersonNotification.NotificationId)), n.Column(nameof(PersonNotification.Status)),
            n.Column(nameof(PersonNotification.SentAt)), n.Column(nameof(PersonNotification.At)));
        var later = $"excluded.{state} <> 'sent' AND (excluded.{when} >= t.{when} OR t.{state} = 'sent')";
        var sql = $"INSERT INTO {n.Table} AS t ({id}, {n.Column(nameof(PersonNotification.IncidentId))}, {n.Column(nameof(PersonNotification.PersonId))}, "
            + $"{n.Column(nameof(PersonNotification.Channel))}, {state}, {sentAt}, {when}) VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}}, {{5}}, {{5}}) "
            + $"ON CONFLICT ({id}) DO UPDATE SET "
            + $"{sentAt} = CASE WHEN excluded.{state} = 'sent' THEN excluded.{sentAt} ELSE t.{sentAt} END, "
            + $"{state} = CASE WHEN {later} THEN excluded.{state} ELSE t.{state} END, "
            + $"{when} = CASE WHEN {later} THEN excluded.{when} ELSE t.{when} END";
        // Times are stored as UTC ticks (Timestamps.StoreAsUtcTicks), so that both providers order them.
        return db.Database.ExecuteSqlRawAsync(sql, [notificationId, incidentId, personId, channel, status, at.UtcTicks], ct);
    }
}
