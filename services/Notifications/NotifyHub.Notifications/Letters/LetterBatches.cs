using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Letters.Addresses;
using NotifyHub.Notifications.PrintHouses;
using NotifyHub.Notifications.Templates;
using NotifyHub.Privacy.Audit;

namespace NotifyHub.Notifications.Letters;

/// <summary>
/// Prints queued letters in batches of up to <see cref="LetterOptions.BatchSize"/>: claims them into a batch id
/// (committed first), renders one PDF and its manifest, encrypts both under the mail house's key, hands them over,
/// and marks them delivered — a letter is delivered, for us, when its batch is with the print house. A worker that
/// dies mid-batch leaves the batch claimed; after the lease it is rendered again under the SAME batch id with the
/// same letters, and the print house replaces the earlier files: nothing printed twice. A batch holds one incident's
/// letters and goes to that incident's print house (<see cref="PrintHouseChoice"/>), fixed at claim; a batch whose
/// print house has been revoked fails (reason <c>print_house_revoked</c>, audited) and its letters fall back.
/// </summary>
public sealed class LetterBatches(
    NotificationsDbContext db, RecipientReader reader, TemplateCache cache, TemplateRenderer renderer, LetterPdfRenderer pdf,
    LetterBatchCipher cipher, ILetterPrintHouse printHouse, PrintHouseHandOver handOver, DeliveryOutcomes outcomes, ICampaignDirections campaigns, IOptions<LetterOptions> letters,
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

        // One incident per batch: each incident may have its own print house.
        var incidentId = queued[0].IncidentId;
        queued = [.. queued.Where(n => n.IncidentId == incidentId)];
        var house = await PrintHouseChoice.ForIncidentAsync(db, incidentId, ct);
        var batchId = Guid.CreateVersion7(now);
        foreach (var letter in queued)
        {
            letter.ClaimForBatch(batchId, now + options.Value.SendLease, house?.Id);
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
            var result = await HandOverAsync(batchId, batch[0].PrintHouseId, contents, ct);
            if (result is null)
            {
                await RefuseAsync(batchId, batch[0].PrintHouseId!.Value, [.. batch.Where(l => l.Status == DeliveryStatus.Sending)], ct);
                return;
            }

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

    /// <summary>Null when the batch's print house is revoked: checked again just before the hand-over, so a revocation stops it at once.</summary>
    private async Task<SendResult?> HandOverAsync(Guid batchId, Guid? printHouseId, List<LetterContent> contents, CancellationToken ct)
    {
        if (printHouseId is null)
        {
            return await printHouse.SubmitAsync(await cipher.EncryptAsync(pdf.Render(batchId, contents), ct), ct);
        }

        var house = await db.PrintHouses.AsNoTracking().FirstAsync(h => h.Id == printHouseId, ct);
        if (house.IsRevoked)
        {
            return null;
        }

        var files = PrintHouseHandOver.Encrypt(house, pdf.Render(batchId, contents));
        return await db.PrintHouses.AsNoTracking().AnyAsync(h => h.Id == printHouseId && h.RevokedAt == null, ct)
            ? await handOver.HandOverAsync(house, batchId, files, ct)
            : null;
    }

    private async Task RefuseAsync(Guid batchId, Guid printHouseId, List<Notification> letters, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var letter in letters)
        {
            await outcomes.FailAsync(letter, "print_house_revoked", now, ct);
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
