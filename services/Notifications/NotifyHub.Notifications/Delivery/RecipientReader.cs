using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Letters.Addresses;
using NotifyHub.Notifications.Parties;
using NotifyHub.Notifications.Preferences;
using NotifyHub.Notifications.Templates;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Purposes;
using System.Globalization;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// Opens the person's latest projection for the notification's channel, in memory only: the one intake seals for the
/// batch on request (<see cref="IntakeProjections"/>), or, for a row from the retired messages, the one stored. Unlike
/// an agent's read, this is the service's own work and is not metered per record; each batch leaves one audit entry
/// per campaign and purpose with its count (through the module's outbox), so the trail shows who decrypted how many,
/// and why.
/// </summary>
public sealed class RecipientReader(NotificationsDbContext db, ProjectionBuilder projections, IntakeProjections intake)
{
    public const string BatchDecryptAction = "projection.decrypt_batch";

    /// <summary>Null when the person has no projection for the channel or it can no longer be read (key shredded).</summary>
    public async Task<RecipientDetails?> ReadAsync(Notification notification, CancellationToken ct) =>
        (await ReadAsync([notification], ct)).GetValueOrDefault(notification.Id);

    /// <summary>
    /// Many at once, with one query for their projections: notification id → details, absent when unreadable.
    /// </summary>
    public async Task<Dictionary<Guid, RecipientDetails>> ReadAsync(IReadOnlyCollection<Notification> notifications, CancellationToken ct)
    {
        var result = new Dictionary<Guid, RecipientDetails>();
        if (notifications.Count == 0)
        {
            return result;
        }

        var incidents = notifications.Select(n => n.IncidentId).Distinct().ToList();
        var people = notifications.Select(n => n.PersonId).Distinct().ToList();
        var parties = (await db.AffectedParties.AsNoTracking()
                .Where(p => incidents.Contains(p.IncidentId) && people.Contains(p.PersonId))
                .ToListAsync(ct))
            .ToDictionary(p => (p.IncidentId, p.PersonId, p.Purpose));
        // Rows listed without a projection: intake seals those this batch needs, now, from the person as stored now.
        var sealedNow = await intake.SealAsync(notifications
            .Where(n => parties.GetValueOrDefault((n.IncidentId, n.PersonId, n.Channel.PurposeOf())) is { Projection.Length: 0 })
            .Select(n => (n.IncidentId, n.PersonId, n.Channel.PurposeOf())).Distinct().ToList(), ct);
        // A language chosen on the portal wins over the imported one.
        var preferences = await ContactPreferences.ForAsync(db, incidents, people, ct);
        var opened = new Dictionary<(Guid Incident, Guid? Campaign, Purpose Purpose), int>();
        foreach (var notification in notifications)
        {
            var key = (notification.IncidentId, notification.PersonId, notification.Channel.PurposeOf());
            if (parties.GetValueOrDefault(key) is { } party
                && (party.Projection.Length > 0 ? party.Projection : sealedNow.GetValueOrDefault(key)) is { } projection
                && await OpenAsync(notification, party, projection, preferences.GetValueOrDefault((notification.IncidentId, notification.PersonId))?.Language, ct)
                    is { } details)
            {
                result[notification.Id] = details;
                var audited = (notification.IncidentId, notification.CampaignId, party.Purpose);
                opened[audited] = opened.GetValueOrDefault(audited) + 1;
            }
        }

        foreach (var ((incident, campaign, purpose), count) in opened)
        {
            db.Audit(new AuditEvent(BatchDecryptAction, AuditOutcomes.Done)
            {
                SubjectId = campaign ?? incident,
                Purpose = purpose,
                Details = new Dictionary<string, string>
                {
                    ["incident_id"] = incident.ToString(),
                    ["campaign_id"] = campaign?.ToString() ?? "",
                    ["count"] = count.ToString(CultureInfo.InvariantCulture),
                },
            });
        }

        if (opened.Count > 0)
        {
            // Recorded as soon as the values are open, not with the delivery: what follows clears the change tracker.
            await db.SaveChangesAsync(ct);
        }

        return result;
    }

    private async Task<RecipientDetails?> OpenAsync(
        Notification notification, AffectedParty party, byte[] projection, string? preferredLanguage, CancellationToken ct)
    {
        var purpose = party.Purpose;
        Privacy.Access.DecryptedProjection fields;
        try
        {
            fields = await projections.OpenAsync(EncryptedField.FromBytes(projection), party.PersonId, purpose, ct);
        }
        catch (Exception e) when (e is FieldDecryptionException or KeyDestroyedException)
        {
            return null;
        }

        var empty = Sensitive.Of("");
        var language = preferredLanguage
            ?? (fields[PersonalField.Language]?.Reveal() is { Length: > 0 } l ? l : party.Language);
        var recipient = new Recipient(fields[PersonalField.GivenName] ?? empty, fields[PersonalField.FamilyName] ?? empty,
            fields[PersonalField.ReferenceCode] ?? empty, string.IsNullOrWhiteSpace(language) ? null : language, party.DataCategories);
        var country = fields[PersonalField.Country]?.Reveal();
        return notification.Channel switch
        {
            Channel.Email => new RecipientDetails(recipient, fields[PersonalField.Email], country, null),
            Channel.Sms => new RecipientDetails(recipient, fields[PersonalField.Phone], country, null),
            _ => new RecipientDetails(recipient, null, country, Postal(fields, country)),
        };
    }

    private static PostalAddress Postal(Privacy.Access.DecryptedProjection p, string? country)
    {
        var empty = Sensitive.Of("");
        return new PostalAddress(p[PersonalField.GivenName] ?? empty, p[PersonalField.FamilyName] ?? empty, p[PersonalField.AddressLine1] ?? empty,
            p[PersonalField.AddressLine2] ?? empty, p[PersonalField.Locality] ?? empty, p[PersonalField.Region] ?? empty,
            p[PersonalField.Postcode] ?? empty, country ?? "");
    }
}
