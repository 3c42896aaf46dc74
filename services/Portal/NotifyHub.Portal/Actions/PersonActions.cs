using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Contracts;
using NotifyHub.Contracts.CallCentre;
using NotifyHub.Contracts.Portal;
using NotifyHub.Portal.Database;
using NotifyHub.Portal.Sessions;
using NotifyHub.Portal.Status;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Portal.Actions;

/// <summary>
/// What a verified person can do: ask for a callback, change the language of future messages or stop email or SMS,
/// ask for the notice again. Each acts on the session's own person only and is announced with ids and codes.
/// </summary>
public sealed class PersonActions(PortalDbContext db, StatusView view, ProjectionBuilder projections, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Channels = ["email", "sms", "letter"];

    public async Task<CallbackAccepted> RequestCallbackAsync(PortalSession session, CallbackRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        if (request.PreferredAt is not { } preferredAt)
        {
            throw ProblemException.Invalid("preferred_at_required", "Choose when you would like us to call you.");
        }

        if (preferredAt < now.AddMinutes(-5) || preferredAt > now.AddDays(30))
        {
            throw ProblemException.Invalid("invalid_preferred_at", "Choose a time from now to 30 days ahead.");
        }

        var language = request.Language is null ? null : LanguageOf(request.Language);
        var person = await db.People.AsNoTracking().FirstAsync(p => p.PersonId == session.PersonId, ct);
        language ??= (await view.ReadPersonAsync(person, ct)).Language;
        var id = Guid.CreateVersion7(now);
        db.Publish(new PortalCallbackRequested(id, session.IncidentId, session.PersonId, preferredAt.ToUniversalTime(), CategoryAdvice.Supported(language), now));
        await db.SaveChangesAsync(ct);
        return new CallbackAccepted(id, preferredAt.ToUniversalTime());
    }

    public async Task<PreferencesResponse> ChangePreferencesAsync(PortalSession session, PreferencesRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var newLanguage = request.Language is null ? null : LanguageOf(request.Language);
        var person = await db.People.FirstAsync(p => p.PersonId == session.PersonId, ct);
        var (language, categories) = await view.ReadPersonAsync(person, ct);
        if (newLanguage is not null && newLanguage != language)
        {
            // The language lives only in the portal projection: re-sealed under the portal's key, never stored in clear.
            var fields = new Dictionary<PersonalField, Sensitive<string>>
            {
                [PersonalField.Language] = Sensitive.Of(newLanguage),
                [PersonalField.DataCategories] = Sensitive.Of(string.Join(';', categories)),
            };
            var projection = await projections.BuildAsync(person.PersonId, Purpose.Portal, InternalHolders.Portal, fields, ct);
            person.Projection = projection.Ciphertext.ToArray();
            language = newLanguage;
        }

        person.StopEmail = request.StopEmail ?? person.StopEmail;
        person.StopSms = request.StopSms ?? person.StopSms;
        db.Publish(new ContactPreferencesChanged(session.IncidentId, session.PersonId, newLanguage, person.StopEmail, person.StopSms, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return new PreferencesResponse(language, person.StopEmail, person.StopSms);
    }

    /// <summary>Reuses the call centre's <see cref="ResendRequested"/>; no case and no staff member, so both ids are empty.</summary>
    public async Task ResendAsync(PortalSession session, ResendRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channel = request.Channel?.Trim().ToLowerInvariant();
        if (channel is null || !Channels.Contains(channel))
        {
            throw ProblemException.Invalid("invalid_channel", "Choose email, sms or letter.");
        }

        db.Publish(new ResendRequested(Guid.Empty, session.IncidentId, session.PersonId, channel, Guid.Empty, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    private static string LanguageOf(string requested)
    {
        var language = requested.Trim().ToLowerInvariant();
        return CategoryAdvice.Languages.Contains(language)
            ? language
            : throw ProblemException.Invalid("unsupported_language", "Choose English (en), French (fr) or Japanese (ja).");
    }
}
