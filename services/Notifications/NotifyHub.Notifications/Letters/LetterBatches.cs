using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.PrintHouses;
using NotifyHub.Notifications.Templates;
using NotifyHub.Privacy.Audit;
using System.Security.Cryptography;

namespace NotifyHub.Notifications.Letters;

/// <summary>
/// Prints queued letters in batches of up to <see cref="LetterOptions.BatchSize"/>: claims them into a batch id
/// (committed first), renders one PDF and its manifest, encrypts both under the mail house's key, hands them over,
/// and marks them delivered — a letter is delivered, for us, when its batch is with the print house. A worker that
/// dies mid-batch leaves the batch claimed; after the lease it is rendered again under the SAME batch id with the
/// same letters, and the print house replaces the earlier files: nothing printed twice. A batch holds one incident's
/// letters and goes to that incident's print house (<see cref="PrintHouseChoice"/>), fixed at claim; a batch whose
/// print house has been revoked fails (reason <c>print_house_revoked</c>, audited) and its letters fall back.
/// <para>
/// Batches go through as a pipeline with one render at a time: while one batch's PDF renders on the thread pool, the
/// batch rendered before it is encrypted to its print house, handed over and recorded, and the next one is claimed,
/// its recipients read and its letters laid out, on this context one step at a time. Rendering is the longest step,
/// so everything else (the encryption included) is kept out of it and done beside it, on the other cores. A batch
/// claimed ahead whose printer then stops is one more batch recovered after its lease.
/// </para>
/// </summary>
public sealed class LetterBatches(
    NotificationsDbContext db, RecipientReader reader, TemplateCache cache, LetterComposer composer, LetterPdfRenderer pdf,
    LetterBatchCipher cipher, ILetterPrintHouse printHouse, PrintHouseHandOver handOver, DeliveryOutcomes outcomes, ICampaignDirections campaigns,
    IOptions<LetterOptions> letters, IOptions<NotificationsOptions> options, TimeProvider clock)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expired = await db.Notifications.Where(n => n.Channel == Channel.Letter && n.Status == DeliveryStatus.Sending && n.LeaseUntil < now)
            .Select(n => n.BatchId).Distinct().ToListAsync(ct);
        foreach (var batchId in expired.OfType<Guid>())
        {
            var lease = now + options.Value.SendLease;
            if (await db.Notifications.Where(n => n.BatchId == batchId && n.Status == DeliveryStatus.Sending && n.LeaseUntil < now)
                    .ExecuteUpdateAsync(n => n.SetProperty(x => x.LeaseUntil, lease), ct) > 0)
            {
                db.ChangeTracker.Clear();
                var claimed = await db.Notifications.AsNoTracking().Where(n => n.BatchId == batchId && n.Status == DeliveryStatus.Sending)
                    .OrderBy(n => n.Id).ToListAsync(ct);
                var batch = await PrepareAsync(batchId, claimed, ct);
                await FinishAsync(batch, Render(batch), ct);
            }
        }

        // One render at a time, never idle while there is work: as soon as a batch is rendered the next one's render
        // starts, and the batch just rendered is handed over meanwhile, the one after next claimed and laid out.
        var current = await ClaimAsync(ct);
        var rendering = current is null ? null : RenderAsync(current, ct);
        try
        {
            while (current is not null && rendering is not null)
            {
                var following = await ClaimAsync(ct);
                var rendered = await rendering;
                rendering = following is null ? null : RenderAsync(following, ct);
                await FinishAsync(current, rendered, ct);
                current = following;
            }
        }
        finally
        {
            // Left by an error: a batch claimed ahead stays claimed (recovered after its lease), its render not left unobserved.
            if (rendering is not null)
            {
                await ((Task)rendering).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Claims the next batch (committed) and prepares it; null when no batch is due.</summary>
    private async Task<PreparedLetterBatch?> ClaimAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var running = await campaigns.RunningAsync(ct);
        var size = letters.Value.BatchSize;
        var queued = LetterBatchStore.Queued(db, running);
        var head = await queued.Select(n => new { n.IncidentId, n.QueuedAt }).FirstOrDefaultAsync(ct);
        if (head is null || (head.QueuedAt > now - options.Value.LetterBatchWindow && await queued.Take(size).CountAsync(ct) < size))
        {
            return null;
        }

        // One incident per batch: each incident may have its own print house.
        var house = await PrintHouseChoice.ForIncidentAsync(db, head.IncidentId, ct);
        var batchId = Guid.CreateVersion7(now);
        var claimed = await LetterBatchStore.ClaimAsync(db, head.IncidentId, running, size, batchId, house?.Id, now + options.Value.SendLease, ct);
        return claimed.Count == 0 ? null : await PrepareAsync(batchId, claimed, ct);
    }

    /// <summary>
    /// Reads the recipients (one query and one audit entry for the batch), renders their templates and checks each
    /// address; the letters that cannot be printed fail now, committed before anything is rendered.
    /// </summary>
    private async Task<PreparedLetterBatch> PrepareAsync(Guid batchId, List<Notification> batch, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var printable = new List<Notification>(batch.Count);
        var contents = new List<LetterContent>(batch.Count);
        var now = clock.GetUtcNow();
        var failures = 0;
        var recipients = await reader.ReadAsync(batch, ct);
        foreach (var letter in batch)
        {
            if (await ContentOfAsync(letter, recipients.GetValueOrDefault(letter.Id), ct) is not { } content)
            {
                failures++;
                continue;
            }

            if (pdf.AddressProblem(content) is { } problem)
            {
                // Refused before print, with a code only: the campaign's failures show why, the logs never the address.
                await FailAsync(letter, problem, now, ct);
                failures++;
                continue;
            }

            printable.Add(letter);
            contents.Add(content);
        }

        if (failures > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        var house = batch.Count > 0 && batch[0].PrintHouseId is { } houseId && printable.Count > 0
            ? await db.PrintHouses.AsNoTracking().FirstAsync(h => h.Id == houseId, ct)
            : null;
        return new PreparedLetterBatch(batchId, printable, contents, house);
    }

    /// <summary>Null when the letter fails (no postal address, a template over its limits); the failure is tracked, not yet saved.</summary>
    private async Task<LetterContent?> ContentOfAsync(Notification letter, RecipientDetails? recipient, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (recipient?.Postal is not { CanBePosted: true } postal)
        {
            await FailAsync(letter, "no_postal_address", now, ct);
            return null;
        }

        var template = await cache.TemplateAsync(db, letter.TemplateId, ct);
        try
        {
            return composer.Compose(letter.Id, template, await cache.IncidentAsync(db, letter.IncidentId, ct), recipient.Recipient, postal);
        }
        catch (TemplateLimitException)
        {
            await FailAsync(letter, TemplateLimitException.CodeValue, now, ct);
            return null;
        }
    }

    private Task<LetterBatch?> RenderAsync(PreparedLetterBatch batch, CancellationToken ct) => Task.Run(() => Render(batch), ct);

    /// <summary>
    /// The CPU-bound step, without the database: the clear PDF, encrypted and wiped by <see cref="FinishAsync"/>. Nothing
    /// for a batch with nothing to print or whose print house was already revoked.
    /// </summary>
    private LetterBatch? Render(PreparedLetterBatch batch) =>
        batch.Contents.Count == 0 || batch.House is { IsRevoked: true } ? null : pdf.Render(batch.BatchId, batch.Contents);

    /// <summary>
    /// Encrypts the batch to its print house and hands it over (the print house checked again just before, so a
    /// revocation stops it at once), or seals it for the built-in outbox; records it. The clear PDF is wiped either way.
    /// </summary>
    private async Task FinishAsync(PreparedLetterBatch batch, LetterBatch? clear, CancellationToken ct)
    {
        try
        {
            await HandOverAsync(batch, clear, ct);
        }
        finally
        {
            if (clear is not null)
            {
                CryptographicOperations.ZeroMemory(clear.Pdf);
            }
        }
    }

    private async Task HandOverAsync(PreparedLetterBatch batch, LetterBatch? clear, CancellationToken ct)
    {
        if (batch.Letters.Count == 0)
        {
            return;
        }

        db.ChangeTracker.Clear();
        SendResult result;
        if (batch.House is { } house)
        {
            if (clear is null || !await db.PrintHouses.AsNoTracking().AnyAsync(h => h.Id == house.Id && h.RevokedAt == null, ct))
            {
                await RefuseAsync(batch.BatchId, house.Id, batch.Letters, ct);
                return;
            }

            result = await handOver.HandOverAsync(house, batch.BatchId, PrintHouseHandOver.Encrypt(house, clear), ct);
        }
        else
        {
            result = await printHouse.SubmitAsync(await cipher.EncryptAsync(clear!, ct), ct);
        }

        if (result.IsSent)
        {
            // Otherwise the batch stays claimed and is retried after its lease.
            await LetterBatchStore.MarkDeliveredAsync(db, batch.Letters, result.ProviderMessageId, clock.GetUtcNow(), ct);
        }
    }

    /// <summary>Fails one letter of the batch (read untracked): tracked from here, saved by the caller.</summary>
    private async Task FailAsync(Notification letter, string code, DateTimeOffset now, CancellationToken ct)
    {
        db.Notifications.Attach(letter);
        await outcomes.FailAsync(letter, code, now, ct);
    }

    private async Task RefuseAsync(Guid batchId, Guid printHouseId, List<Notification> letters, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var letter in letters)
        {
            await FailAsync(letter, "print_house_revoked", now, ct);
        }

        db.Audit(new AuditEvent(PrivilegedActions.LetterBatchRefused, AuditOutcomes.Blocked)
        {
            SubjectId = batchId,
            Details = new Dictionary<string, string>
            {
                ["print_house_id"] = printHouseId.ToString(),
                ["letters"] = letters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["reason"] = "print_house_revoked",
            },
        });
        await db.SaveChangesAsync(ct);
    }
}
