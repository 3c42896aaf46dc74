namespace NotifyHub.Portal.Actions;

/// <summary>The body of <c>POST /api/v1/portal/callbacks</c>.</summary>
public sealed record CallbackRequest(DateTimeOffset? PreferredAt, string? Language);

/// <summary>The body of <c>POST /api/v1/portal/preferences</c>; a null field stays as it was.</summary>
public sealed record PreferencesRequest(string? Language, bool? StopEmail, bool? StopSms);

/// <summary>The person's contact preferences after a change.</summary>
public sealed record PreferencesResponse(string Language, bool StopEmail, bool StopSms);

/// <summary>The body of <c>POST /api/v1/portal/resend</c>.</summary>
public sealed record ResendRequest(string? Channel);

/// <summary>The answer to a callback request.</summary>
public sealed record CallbackAccepted(Guid Id, DateTimeOffset PreferredAt);
