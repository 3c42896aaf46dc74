namespace NotifyHub.BuildingBlocks.Auth;

/// <summary>
/// Server-side staff sessions. Every bearer token and sign-in cookie names one; ending a session makes its tokens
/// useless at once, whatever their expiry. The console module ends a user's sessions whenever their password,
/// second factor, roles, vendor or enabled state changes.
/// </summary>
public interface IStaffSessions
{
    /// <summary>Ends every session of <paramref name="userId"/>; <paramref name="reason"/> is a code, e.g. <c>password_changed</c>.</summary>
    Task RevokeAllAsync(Guid userId, string reason, CancellationToken cancellationToken = default);
}
