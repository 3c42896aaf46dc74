namespace NotifyHub.Portal.Status;

/// <summary>The body of <c>POST /api/v1/portal/status</c>: the code from the letter and one factor.</summary>
public sealed record StatusRequest(string? ReferenceCode, string? DateOfBirth, string? Postcode);

/// <summary>What a verified person sees: never their name, address, number or date of birth.</summary>
public sealed record StatusResponse(
    string SessionToken,
    DateTimeOffset ExpiresAt,
    string Language,
    IncidentText Incident,
    IReadOnlyList<CategoryText> DataCategories,
    IReadOnlyList<NotificationText> Notifications,
    Helpline Helpline,
    OfficialSenders OfficialSenders);

public sealed record IncidentText(string Title, string Statement, IReadOnlyList<string> Advice);

public sealed record CategoryText(string Code, string Name, string Advice);

public sealed record NotificationText(string Channel, string Status, DateTimeOffset At);

public sealed record Helpline(string Phone, string Hours);

public sealed record OfficialSenders(string Email, string Sms);
