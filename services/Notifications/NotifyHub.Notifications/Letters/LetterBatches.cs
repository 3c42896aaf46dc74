using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Letters.Addresses;
using NotifyHub.Notifications.Templates;

namespace NotifyHub.Notifications.Letters;

/// <summary>
/// Prints queued letters in batches of up to <see cref="LetterOptions.BatchSize"/>: claims them into a batch id
/// (committed first), renders one PDF and its manifest, encrypts both under the mail house's key, hands them over,
/// and marks them delivered — a letter is delivered, for us, when its batch is with the print house. A worker that
/// dies mid-batch leaves the batch claimed; after the lease it is rendered again under the SAME batch id with the
/// same letters, and the print house replaces the earlier files: nothing printed twice.
/// </summary>
public sealed class LetterBatches(
    NotificationsDbContext db, RecipientReader reader, TemplateCache cache, TemplateRenderer renderer, LetterPdfRenderer pdf,
    LetterBatchCipher cipher, ILetterPrintHouse printHouse, DeliveryOutcomes outcomes, ICampaignDirections campaigns, IOptions<LetterOptions> letters,
    IOptions<NotificationsOptions> options, IOptions<BuildingBlocks.Configuration.NotifyHubOptions> hub, TimeProvider clock)
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
                await PrintAsync(batchId, ct);
            }
        }

        while (await ClaimAsync(ct) is { } batchId)
        {
            await PrintAsync(batchId, ct);
        }
    }

    private async Task<Guid?> ClaimAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var running = await campaigns.RunningAsync(ct);
        var size = letters.Value.BatchSize;
        var queued = await db.Notifications
            .Where(n => n.Channel == Channel.Letter && n.Status == DeliveryStatus.Queued
                && (n.CampaignId == null || running.Contains(n.CampaignId)))
            .OrderBy(n => n.Id).Take(size).ToListAsync(ct);
        if (queued.Count == 0 || (queued.Count < size && queued[0].QueuedAt > now - options.Value.LetterBatchWindow))
        {
            return null;
        }

        var batchId = Guid.CreateVersion7(now);
        foreach (var letter in queued)
        {
            letter.ClaimForBatch(batchId, now + options.Value.SendLease);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null; // another instance claimed some of them first; next pass
        }

        return batchId;
    }

    private async Task PrintAsync(Guid batchId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var batch = await db.Notifications.Where(n => n.BatchId == batchId && n.Status == DeliveryStatus.Sending)
            .OrderBy(n => n.Id).ToListAsync(ct);
        var contents = new List<LetterContent>(batch.Count);
        var now = clock.GetUtcNow();
        var recipients = await reader.ReadAsync(batch, ct); // one query and one audit entry for the batch
        foreach (var letter in batch)
        {
            var recipient = recipients.GetValueOrDefault(letter.Id);
            if (recipient?.Postal is not { CanBePosted: true } postal)
            {
                await outcomes.FailAsync(letter, "no_postal_address", now, ct);
                continue;
            }

            var template = await cache.TemplateAsync(db, letter.TemplateId, ct);
            RenderedMessage rendered;
            try
            {
                rendered = renderer.Render(template, recipient.Recipient, await cache.IncidentAsync(db, letter.IncidentId, ct));
            }
            catch (TemplateLimitException)
            {
                await outcomes.FailAsync(letter, TemplateLimitException.CodeValue, now, ct);
                continue;
            }

            var content = new LetterContent(letter.Id, rendered.Language, AddressBlock.Lines(postal, letters.Value.PostedFrom), recipient.Country ?? "",
                rendered.Subject, rendered.Body, TemplateRenderer.PortalUrl(hub.Value.PublicBaseUrl, recipient.Recipient.ReferenceCode.Reveal()),
                recipient.Recipient.ReferenceCode);
            if (pdf.AddressProblem(content) is { } problem)
            {
                // Refused before print, with a code only: the campaign's failures show why, the logs never the address.
                await outcomes.FailAsync(letter, problem, now, ct);
                continue;
            }

            contents.Add(content);
        }

        if (contents.Count > 0)
        {
            var encrypted = await cipher.EncryptAsync(pdf.Render(batchId, contents), ct);
            var result = await printHouse.SubmitAsync(encrypted, ct);
            if (!result.IsSent)
            {
                await db.SaveChangesAsync(ct); // failures above; the batch stays claimed and is retried after its lease
                return;
            }

            var printed = contents.Select(c => c.LetterId).ToHashSet();
            foreach (var letter in batch.Where(l => printed.Contains(l.Id)))
            {
                letter.MarkSent(result.ProviderMessageId, now);
                db.Publish(DeliveryOutcomes.Sent(letter, now));
                letter.MarkDelivered(now);
                db.Publish(DeliveryOutcomes.Delivered(letter, now));
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
