namespace NotifyHub.BuildingBlocks.Auth.Sessions;

/// <summary>
/// A session just opened or refreshed, with the secrets handed to the client once: the session key (inside the
/// access token or cookie) and, for API sessions, the refresh token. Neither is stored anywhere in clear.
/// </summary>
public sealed record OpenedSession(StaffSession Session, string SessionKey, string? RefreshToken)
{
    public override string ToString() => $"OpenedSession({Session.Id})";
}
