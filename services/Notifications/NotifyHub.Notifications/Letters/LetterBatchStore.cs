using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Notifications;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using Npgsql;
using NpgsqlTypes;

namespace NotifyHub.Notifications.Letters;

/// <summary>
/// A letter batch's two writes that touch every letter in it: the claim (queued → sending into the batch) and the
/// hand-over's record (sending → delivered, with one <c>LettersHandedOver</c> for the batch).
/// On PostgreSQL each is one statement for the whole batch: as 500 tracked updates they were, with the two events a
/// letter then published, about a quarter of the printer's CPU. SQLite keeps the tracked way.
/// </summary>
internal static class LetterBatchStore
{
    /// <summary>
    /// The letters waiting for a batch (of no campaign, or of a running one), oldest first: where the printer looks for
    /// work, at every pass. The channel and status are constants (literals in the SQL), so the planner can read the
    /// queued letters' index, not walk every letter sent before.
    /// </summary>
    public static IOrderedQueryable<Notification> Queued(NotificationsDbContext db, List<Guid?> running) =>
        db.Notifications.AsNoTracking()
            .Where(n => n.Channel == Channel.Letter && n.Status == DeliveryStatus.Queued && (n.CampaignId == null || running.Contains(n.CampaignId)))
            .OrderBy(n => n.Id);

    /// <summary>
    /// Claims up to <paramref name="size"/> of the incident's queued letters (oldest first) into
    /// <paramref name="batchId"/>; returns them as now stored, untracked, in id order. Empty when another instance
    /// took them first. On PostgreSQL <c>FOR UPDATE SKIP LOCKED</c>: two instances never wait on, nor share, a letter.
    /// </summary>
    public static async Task<List<Notification>> ClaimAsync(NotificationsDbContext db, Guid incidentId, List<Guid?> running, int size,
        Guid batchId, Guid? printHouseId, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return await ClaimTrackedAsync(db, incidentId, running, size, batchId, printHouseId, leaseUntil, ct);
        }

        var n = StoreNames.Of<Notification>(db);
        var (id, status) = (n.Column(nameof(Notification.Id)), n.Column(nameof(Notification.Status)));
        var campaign = n.Column(nameof(Notification.CampaignId));
        // The letters are picked with the queued letters' index filter written out as literals (parameters would keep
        // a generic plan off that index); the update takes the picked ids as one array.
        var sql = $"UPDATE {n.Table} SET {status} = @sending, {n.Column(nameof(Notification.BatchId))} = @batch, "
            + $"{n.Column(nameof(Notification.PrintHouseId))} = @house, {n.Column(nameof(Notification.LeaseUntil))} = @lease, "
            + $"{n.Column(nameof(Notification.Attempts))} = {n.Column(nameof(Notification.Attempts))} + 1 "
            + $"WHERE {id} = ANY(ARRAY(SELECT {id} FROM {n.Table} WHERE {Notification.Configuration.QueuedLetters} "
            + $"AND {n.Column(nameof(Notification.IncidentId))} = @incident AND ({campaign} IS NULL OR {campaign} = ANY(@running)) "
            + $"ORDER BY {id} LIMIT @size FOR UPDATE SKIP LOCKED)) RETURNING *";
        var claimed = await db.Notifications.FromSqlRaw(sql,
                new NpgsqlParameter("sending", DeliveryStatus.Sending.ToCode()),
                new NpgsqlParameter("batch", batchId),
                new NpgsqlParameter("house", NpgsqlDbType.Uuid) { Value = (object?)printHouseId ?? DBNull.Value },
                new NpgsqlParameter("lease", leaseUntil.UtcTicks),
                new NpgsqlParameter("incident", incidentId),
                new NpgsqlParameter("running", running.OfType<Guid>().ToArray()),
                new NpgsqlParameter("size", size))
            .AsNoTracking().ToListAsync(ct);
        claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
        return claimed;
    }

    private static async Task<List<Notification>> ClaimTrackedAsync(NotificationsDbContext db, Guid incidentId, List<Guid?> running, int size,
        Guid batchId, Guid? printHouseId, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var queued = await db.Notifications
            .Where(n => n.Channel == Channel.Letter && n.Status == DeliveryStatus.Queued && n.IncidentId == incidentId
                && (n.CampaignId == null || running.Contains(n.CampaignId)))
            .OrderBy(n => n.Id).Take(size).ToListAsync(ct);
        foreach (var letter in queued)
        {
            letter.ClaimForBatch(batchId, leaseUntil, printHouseId);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            queued = []; // another instance claimed some of them first; next pass
        }

        db.ChangeTracker.Clear();
        return queued;
    }

    /// <summary>
    /// The batch is with the print house: each of <paramref name="letters"/> still <c>sending</c> becomes delivered
    /// (sent and delivered at <paramref name="at"/>), and one <see cref="LettersHandedOver"/> lists them, all in one
    /// transaction. A letter that moved meanwhile is left as it is and is not listed.
    /// </summary>
    public static async Task MarkDeliveredAsync(NotificationsDbContext db, IReadOnlyList<Notification> letters, string? providerMessageId,
        DateTimeOffset at, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (!db.Database.IsNpgsql())
        {
            foreach (var letter in letters)
            {
                db.Notifications.Attach(letter);
                letter.MarkSent(providerMessageId, at);
                letter.MarkDelivered(at);
            }

            PublishHandedOver(db, letters, at);
            await db.SaveChangesAsync(ct);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var delivered = await UpdateDeliveredAsync(db, transaction, letters, providerMessageId, at, ct);
        PublishHandedOver(db, [.. letters.Where(l => delivered.Contains(l.Id))], at);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// One message for the batch rather than a sent and a delivered event per letter: those were two outbox rows, two
    /// publications and four consumer deliveries a letter, the largest share of the host's work around the render.
    /// The claim takes one incident's letters into a batch, so this is one message; it would be one per incident.
    /// </summary>
    private static void PublishHandedOver(NotificationsDbContext db, IReadOnlyList<Notification> letters, DateTimeOffset at)
    {
        foreach (var incident in letters.GroupBy(l => l.IncidentId))
        {
            db.Publish(new LettersHandedOver(incident.Key, at, [.. incident.Select(l => new HandedOverLetter(l.Id, l.CampaignId, l.PersonId))]));
        }
    }

    private static async Task<HashSet<Guid>> UpdateDeliveredAsync(NotificationsDbContext db, IDbContextTransaction transaction,
        IReadOnlyList<Notification> letters, string? providerMessageId, DateTimeOffset at, CancellationToken ct)
    {
        var n = StoreNames.Of<Notification>(db);
        var (id, status) = (n.Column(nameof(Notification.Id)), n.Column(nameof(Notification.Status)));
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = $"UPDATE {n.Table} SET {status} = @delivered, {n.Column(nameof(Notification.ProviderMessageId))} = @provider, "
            + $"{n.Column(nameof(Notification.SentAt))} = @at, "
            + $"{n.Column(nameof(Notification.CompletedAt))} = @at, {n.Column(nameof(Notification.LeaseUntil))} = NULL "
            + $"WHERE {id} = ANY(@ids) AND {status} = @sending RETURNING {id}";
        command.Parameters.Add(new NpgsqlParameter("delivered", DeliveryStatus.Delivered.ToCode()));
        command.Parameters.Add(new NpgsqlParameter("provider", NpgsqlDbType.Varchar) { Value = (object?)providerMessageId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("at", at));
        command.Parameters.Add(new NpgsqlParameter("ids", letters.Select(l => l.Id).ToArray()));
        command.Parameters.Add(new NpgsqlParameter("sending", DeliveryStatus.Sending.ToCode()));
        var delivered = new HashSet<Guid>(letters.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            delivered.Add(reader.GetGuid(0));
        }

        return delivered;
    }
}
