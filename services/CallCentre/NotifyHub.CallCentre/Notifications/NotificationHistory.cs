using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.CallCentre.Database;

namespace NotifyHub.CallCentre.Notifications;

/// <summary>One notification event as the call centre keeps it: ids, channel, status and time.</summary>
internal readonly record struct NotificationEvent(Guid NotificationId, Guid IncidentId, Guid PersonId, string Channel,
    string Status, DateTimeOffset At);

internal static class NotificationHistory
{
    /// <summary>
    /// Upserts by notification id; a later state replaces an earlier one, whatever order they arrive in, and the send
    /// event only sets the time sent. Upserts in the consumer's transaction: a letter's sent and delivered events
    /// arrive together, and a read-then-insert from each would race on the key, failing one into a retry.
    /// <paramref name="events"/> are recorded as if one at a time in their order, in one statement per round: a
    /// statement may touch a row once, so a notification's second event in the batch goes in the second round. Each
    /// round is in key order, so that two batches upserting the same notifications lock them in the same order.
    /// </summary>
    public static async Task RecordAsync(CallCentreDbContext db, IReadOnlyList<NotificationEvent> events, CancellationToken ct)
    {
        foreach (var round in UpsertRounds.Split(events, e => e.NotificationId))
        {
            await db.Database.ExecuteSqlRawAsync(UpsertSql(db, round.Count), Parameters(round), ct);
        }
    }

    private static string UpsertSql(CallCentreDbContext db, int rows)
    {
        var n = StoreNames.Of<PersonNotification>(db);
        var (id, state, sentAt, when) = (n.Column(nameof(PersonNotification.NotificationId)), n.Column(nameof(PersonNotification.Status)),
            n.Column(nameof(PersonNotification.SentAt)), n.Column(nameof(PersonNotification.At)));
        var later = $"excluded.{state} <> 'sent' AND (excluded.{when} >= t.{when} OR t.{state} = 'sent')";
        // The event's time goes in twice, as the time sent and the state's time: a delivery receipt arriving first
        // stands in for the send time until the send event brings it.
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(r =>
            $"({{{r * 6}}}, {{{(r * 6) + 1}}}, {{{(r * 6) + 2}}}, {{{(r * 6) + 3}}}, {{{(r * 6) + 4}}}, {{{(r * 6) + 5}}}, {{{(r * 6) + 5}}})"));
        return $"INSERT INTO {n.Table} AS t ({id}, {n.Column(nameof(PersonNotification.IncidentId))}, {n.Column(nameof(PersonNotification.PersonId))}, "
            + $"{n.Column(nameof(PersonNotification.Channel))}, {state}, {sentAt}, {when}) VALUES {values} "
            + $"ON CONFLICT ({id}) DO UPDATE SET "
            + $"{sentAt} = CASE WHEN excluded.{state} = 'sent' THEN excluded.{sentAt} ELSE t.{sentAt} END, "
            + $"{state} = CASE WHEN {later} THEN excluded.{state} ELSE t.{state} END, "
            + $"{when} = CASE WHEN {later} THEN excluded.{when} ELSE t.{when} END";
    }

    // Times are stored as UTC ticks (Timestamps.StoreAsUtcTicks), so that both providers order them.
    private static object[] Parameters(List<NotificationEvent> round) =>
        [.. round.SelectMany(e => new object[] { e.NotificationId, e.IncidentId, e.PersonId, e.Channel, e.Status, e.At.UtcTicks })];
}
