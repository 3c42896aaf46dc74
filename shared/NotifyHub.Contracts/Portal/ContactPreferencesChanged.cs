namespace NotifyHub.Contracts.Portal;

/// <summary>
/// A verified person changed how they want to be contacted: the language of future messages (a BCP 47 code, null
/// when unchanged) and whether email or SMS should stop (a letter is sent instead). Ids, codes and flags only.
/// </summary>
public sealed record ContactPreferencesChanged(
    Guid IncidentId,
    Guid PersonId,
    string? Language,
    bool StopEmail,
    bool StopSms,
    DateTimeOffset ChangedAt);
