using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Privacy.Audit;
using System.Globalization;
using System.Text;

namespace NotifyHub.Notifications.PrintHouses;

/// <summary>
/// Applies a print house's return files (<c>outgoing/*.csv</c>, see <see cref="ReturnRow"/>): letters become
/// <c>posted</c> or <c>returned</c>, and a returned letter falls back to the person's next channel as a bounce does.
/// Idempotent: a status moves only forward, so a file applied twice (a crash before it was moved) changes nothing the
/// second time; once applied, a file is moved to <c>outgoing/processed/</c>. A bad row is logged with its line number
/// and a reason code, never its content, and the good rows still apply. A row only touches a letter that was handed to
/// THIS print house in THAT batch.
/// </summary>
public sealed partial class ReturnFiles(
    NotificationsDbContext db, DropBoxes boxes, ICampaignDirections campaigns, TimeProvider clock, ILogger<ReturnFiles> logger)
{
    public sealed record Applied(int Posted, int Returned, int Skipped);

    public async Task<Applied> FetchAsync(PrintHouse house, CancellationToken ct)
    {
        var total = new Applied(0, 0, 0);
        await using var box = await boxes.OpenAsync(house, ct);
        var names = (await box.ListAsync(DropBoxFolders.Outgoing, ct))
            .Where(n => n.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !n.StartsWith('.')).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var applied = await ApplyAsync(house, name, Encoding.UTF8.GetString(await box.ReadAsync(DropBoxFolders.Outgoing, name, ct)), ct);
            await box.MoveAsync(DropBoxFolders.Outgoing, name, DropBoxFolders.Processed, ct);
            total = new Applied(total.Posted + applied.Posted, total.Returned + applied.Returned, total.Skipped + applied.Skipped);
        }

        return total;
    }

    public async Task<Applied> ApplyAsync(PrintHouse house, string fileName, string content, CancellationToken ct)
    {
        var rows = new List<ReturnRow>();
        var skipped = 0;
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].TrimEnd('\r');
            if (text.Length == 0 || (i == 0 && text.StartsWith("batch_id", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var (row, error) = ReturnRow.Parse(i + 1, text);
            if (row is null)
            {
                Skip(fileName, house, i + 1, error!);
                skipped++;
                continue;
            }

            rows.Add(row);
        }

        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        int posted = 0, returned = 0;
        foreach (var chunk in rows.Chunk(500))
        {
            var ids = chunk.Select(r => r.LetterId).ToList();
            var letters = await db.Notifications.Where(n => ids.Contains(n.Id) && n.Channel == Channel.Letter && n.PrintHouseId == house.Id)
                .ToDictionaryAsync(n => n.Id, ct);
            foreach (var row in chunk)
            {
                if (!letters.TryGetValue(row.LetterId, out var letter) || letter.BatchId != row.BatchId)
                {
                    Skip(fileName, house, row.Line, letter is null ? "unknown_letter" : "batch_mismatch");
                    skipped++;
                }
                else if (row.Posted && letter.MarkPosted(now))
                {
                    posted++;
                }
                else if (!row.Posted && letter.MarkReturned(row.Reason!, now))
                {
                    returned++;
                    await ReopenAsync(letter.CampaignId, ct);
                    await campaigns.FallBackAsync(letter, ct);
                }
            }
        }

        db.Audit(new AuditEvent(PrivilegedActions.LetterReturnsApplied, AuditOutcomes.Done)
        {
            SubjectId = house.Id,
            Details = new Dictionary<string, string>
            {
                ["file"] = fileName,
                ["posted"] = posted.ToString(CultureInfo.InvariantCulture),
                ["returned"] = returned.ToString(CultureInfo.InvariantCulture),
                ["skipped"] = skipped.ToString(CultureInfo.InvariantCulture),
            },
        });
        await db.SaveChangesAsync(ct);
        LogApplied(logger, fileName, house.Id, posted, returned, skipped);
        return new Applied(posted, returned, skipped);
    }

    /// <summary>
    /// A completed campaign runs again while the fall back's notification is on its way (the fall back queues for
    /// delivery only in a running campaign); it completes again once that is settled.
    /// </summary>
    private async Task ReopenAsync(Guid? campaignId, CancellationToken ct)
    {
        if (campaignId is not null && await db.Campaigns.FirstOrDefaultAsync(c => c.Id == campaignId, ct) is { Status: Campaigns.CampaignStatus.Completed } campaign)
        {
            campaign.Status = Campaigns.CampaignStatus.Running;
            campaign.CompletedAt = null;
        }
    }

    private void Skip(string fileName, PrintHouse house, int line, string reason) => LogSkipped(logger, fileName, house.Id, line, reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Return file {File} of print house {PrintHouseId}: line {Line} skipped ({Reason})")]
    private static partial void LogSkipped(ILogger logger, string file, Guid printHouseId, int line, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Return file {File} of print house {PrintHouseId}: {Posted} posted, {Returned} returned, {Skipped} skipped")]
    private static partial void LogApplied(ILogger logger, string file, Guid printHouseId, int posted, int returned, int skipped);
}
