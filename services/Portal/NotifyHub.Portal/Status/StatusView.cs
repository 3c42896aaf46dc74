using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.Portal.Database;
using NotifyHub.Portal.Notifications;
using NotifyHub.Portal.People;
using NotifyHub.Portal.Statements;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Portal.Status;

/// <summary>
/// Builds a verified person's status: the portal projection is opened in memory (language and categories only), the
/// statement is picked in their language, and notifications show channel, status and time.
/// </summary>
public sealed class StatusView(RequestPortalDb request, IncidentTexts texts, ProjectionBuilder projections, IOptions<PortalOptions> options)
{
    /// <summary>The person's language and category codes, from the portal projection.</summary>
    public async Task<(string Language, IReadOnlyList<string> Categories)> ReadPersonAsync(PortalPerson person, CancellationToken ct)
    {
        var opened = await projections.OpenAsync(EncryptedField.FromBytes(person.Projection), person.PersonId, Purpose.Portal, ct);
        var language = opened.Fields.TryGetValue(PersonalField.Language, out var l) ? l.Reveal() : "en";
        var categories = opened.Fields.TryGetValue(PersonalField.DataCategories, out var c)
            ? c.Reveal().Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        return (language, categories);
    }

    /// <param name="notifications">The person's notifications when the caller already read them (the status check does, with the person).</param>
    public async Task<StatusResponse> BuildAsync(PortalPerson person, string token, DateTimeOffset expiresAt, string? uiLanguage,
        IReadOnlyList<PortalNotification>? notifications, CancellationToken ct)
    {
        var (stored, categories) = await ReadPersonAsync(person, ct);
        var language = CategoryAdvice.Supported(uiLanguage ?? stored);
        var incident = await texts.GetAsync(request, person.IncidentId, ct);
        var statements = incident.Statements;
        var statement = statements.FirstOrDefault(s => s.Language == language)
            ?? statements.FirstOrDefault(s => s.Language == "en") ?? (statements.Count > 0 ? statements[0] : null);
        notifications ??= await request.Context.Notifications.AsNoTracking().Where(n => n.PersonId == person.PersonId).ToListAsync(ct);
        var settings = options.Value;
        return new StatusResponse(
            token,
            expiresAt,
            language,
            new IncidentText(
                statement?.Title ?? incident.Title,
                statement?.Statement ?? incident.Summary,
                statement is null ? [] : statement.Advice.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            [.. categories.Select(code => CategoryAdvice.For(code, language) is var (name, advice) ? new CategoryText(code, name, advice) : null!)],
            [.. notifications.OrderByDescending(n => n.At).Select(n => new NotificationText(n.Channel, n.Status, n.At))],
            new Helpline(statement?.HelplinePhone ?? settings.DefaultHelplinePhone, statement?.HelplineHours ?? settings.DefaultHelplineHours),
            new OfficialSenders(settings.OfficialEmailSender, settings.OfficialSmsSender));
    }
}
