namespace NotifyHub.Contracts.Notifications;

/// <summary>
/// A notice template version was added for an incident: per language, what its text (rendered for a made-up person)
/// states, without the text: the numbers, the counts of people, and a hash of each distinct word
/// (<c>NotifyHub.BuildingBlocks.Text.TextFingerprint</c>). The regulator checks rules about a notice's content with it
/// (Massachusetts: the residents' letter must not state the number affected nor the nature of the breach).
/// <see cref="Series"/> is the same for every version of one named template, so the latest version replaces earlier ones.
/// </summary>
public sealed record NoticeTemplateAdded(
    Guid IncidentId,
    Guid TemplateId,
    Guid Series,
    int Version,
    string Channel,
    string Language,
    IReadOnlyList<long> Numbers,
    IReadOnlyList<long> PeopleCounts,
    IReadOnlyList<long> WordHashes,
    DateTimeOffset AddedAt);
