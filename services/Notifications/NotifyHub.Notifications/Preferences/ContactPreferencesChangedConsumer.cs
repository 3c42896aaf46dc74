using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Portal;
using NotifyHub.Notifications.Database;

namespace NotifyHub.Notifications.Preferences;

/// <summary>
/// Keeps the portal's contact preferences per person and incident. Later sends skip a stopped channel (enrolment
/// chooses among the channels not stopped; a notification already queued on one is suppressed and falls back as for a
/// bounce) and render in the chosen language. The inbox makes a redelivery a no-op; an older change arriving after a
/// newer one is ignored.
/// </summary>
public sealed class ContactPreferencesChangedConsumer(NotificationsDbContext db)
    : IdempotentConsumer<ContactPreferencesChanged, NotificationsDbContext>(db)
{
    protected override async Task HandleAsync(ContactPreferencesChanged message, ConsumeContext<ContactPreferencesChanged> context)
    {
        var preference = await Db.ContactPreferences.FindAsync([message.IncidentId, message.PersonId], context.CancellationToken);
        if (preference is null)
        {
            preference = new ContactPreference { IncidentId = message.IncidentId, PersonId = message.PersonId };
            Db.ContactPreferences.Add(preference);
        }
        else if (preference.ChangedAt > message.ChangedAt)
        {
            return;
        }

        preference.StopEmail = message.StopEmail;
        preference.StopSms = message.StopSms;
        // The message carries a language only when it changed: null keeps the one chosen before.
        preference.Language = Normalised(message.Language) ?? preference.Language;
        preference.ChangedAt = message.ChangedAt;
    }

    private static string? Normalised(string? language) =>
        string.IsNullOrWhiteSpace(language) ? null : language.Trim().ToLowerInvariant() is { Length: <= 35 } code ? code : null;
}
