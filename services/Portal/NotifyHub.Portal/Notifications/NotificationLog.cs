using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Portal.Database;

namespace NotifyHub.Portal.Notifications;

/// <summary>One notification event as the portal keeps it: ids, channel, status and time.</summary>
internal readonly record struct NotificationEvent(Guid NotificationId, Guid IncidentId, Guid PersonId, string Channel,
    string Status, DateTimeOffset At);

/// <summary>
/// Keeps each notification's latest state. Events can arrive out of order (a delivery receipt before the send
/// event), so a state never moves back: delivered and failed win over sent. Upserts, in the consumer's transaction:
/// a letter's sent and delivered events arrive together, and a read-then-insert from each would race on the key,
/// failing one of them into a retry.
/// </summary>
internal static class NotificationLog
{
    /// <summary>
    /// Records <paramref name="events"/> as if one at a time in their order, in one statement per round: a statement
    /// may touch a row once, so a notification's second event in the batch goes in the second round. Each round is
    /// in key order, so that two batches upserting the same notifications lock them in the same order.
    /// </summary>
    public static async Task RecordAsync(PortalDbContext db, IReadOnlyList<NotificationEvent> events, CancellationToken ct)
    {
        foreach (var round in UpsertRounds.Split(events, e => e.NotificationId))
        {
            await db.Database.ExecuteSqlRawAsync(UpsertSql(db, round.Count), Parameters(round), ct);
        }
    }

    private static string UpsertSql(PortalDbContext db, int rows)
    {
        var n = StoreNames.Of<PortalNotification>(db);
        var (id, statusColumn, atColumn) = (n.Column(nameof(PortalNotification.NotificationId)), n.Column(nameof(PortalNotification.Status)),
            n.Column(nameof(PortalNotification.At)));
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(r =>
            $"({{{r * 6}}}, {{{(r * 6) + 1}}}, {{{(r * 6) + 2}}}, {{{(r * 6) + 3}}}, {{{(r * 6) + 4}}}, {{{(r * 6) + 5}}})"));
        return $"INSERT INTO {n.Table} AS t ({id}, {n.Column(nameof(PortalNotification.IncidentId))}, {n.Column(nameof(PortalNotification.PersonId))}, "
            + $"{n.Column(nameof(PortalNotification.Channel))}, {statusColumn}, {atColumn}) VALUES {values} "
            + $"ON CONFLICT ({id}) DO UPDATE SET {statusColumn} = excluded.{statusColumn}, {atColumn} = excluded.{atColumn} "
            + $"WHERE excluded.{statusColumn} <> 'sent' OR t.{statusColumn} = 'sent'";
    }

    // Times are stored as UTC ticks (Timestamps.StoreAsUtcTicks), so that both providers order them.
    private static object[] Parameters(List<NotificationEvent> round) =>
        [.. round.SelectMany(e => new object[] { e.NotificationId, e.IncidentId, e.PersonId, e.Channel, e.Status, e.At.UtcTicks })];
}
