using System.Security.Claims;

namespace NotifyHub.BuildingBlocks.Auth;

public static class ActorClaims
{
    /// <summary>
    /// The signed-in user's id, not their email: actors end up in messages and audit rows, which carry no personal data.
    /// </summary>
    public static string ActorId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
}
