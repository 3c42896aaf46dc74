namespace NotifyHub.CallCentre.Cases;

/// <summary>What an agent sees of a case: the person's call-centre fields only, their notifications, and the work done.</summary>
public sealed record CaseView(
    Guid Id,
    Guid IncidentId,
    string Status,
    string? Outcome,
    DateTimeOffset OpenedAt,
    CasePerson Person,
    IReadOnlyList<CaseNotificationView> Notifications,
    IReadOnlyList<CaseCallbackView> Callbacks,
    IReadOnlyList<CaseNoteView> Notes,
    Scripts.ScriptView? Script);

public sealed record CasePerson(string? GivenName, string? Language, IReadOnlyList<string> DataCategories);

public sealed record CaseNotificationView(string Channel, string Status, DateTimeOffset At);

public sealed record CaseCallbackView(Guid Id, DateTimeOffset DueAt, string Status, string Reason, string CallbackCode);

public sealed record CaseNoteView(Guid Id, string Text, Guid AuthorId, DateTimeOffset CreatedAt);
