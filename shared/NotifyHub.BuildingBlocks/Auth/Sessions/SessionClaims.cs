using System.Security.Claims;

namespace NotifyHub.BuildingBlocks.Auth.Sessions;

/// <summary>The session key claim every token and cookie carries, and what a new session takes from a principal.</summary>
public static class SessionClaims
{
    /// <summary>The secret session key (not the session's public id), so a stolen database gives no usable session.</summary>
    public const string SessionKey = "notifyhub:session";

    public static string? SessionKeyOf(ClaimsPrincipal principal) => principal.FindFirstValue(SessionKey);

    /// <summary>A copy of <paramref name="principal"/> naming <paramref name="sessionKey"/> (any earlier one removed).</summary>
    public static ClaimsPrincipal WithSessionKey(ClaimsPrincipal principal, string sessionKey)
    {
        var identity = PrimaryIdentity(principal);
        var copy = new ClaimsIdentity(identity.Claims.Where(c => c.Type != SessionKey), identity.AuthenticationType,
            identity.NameClaimType, identity.RoleClaimType);
        copy.AddClaim(new Claim(SessionKey, sessionKey));
        return new ClaimsPrincipal(copy);
    }

    /// <summary>
    /// A copy of <paramref name="principal"/> whose roles and vendor are the session's: whatever the token claims,
    /// a request acts with what the session was granted.
    /// </summary>
    public static ClaimsPrincipal WithGrant(ClaimsPrincipal principal, IReadOnlyList<string> roles, Guid? vendorId)
    {
        var identity = PrimaryIdentity(principal);
        var copy = new ClaimsIdentity(
            identity.Claims.Where(c => c.Type != identity.RoleClaimType && c.Type != NotifyHubClaims.VendorId),
            identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType);
        copy.AddClaims(roles.Select(r => new Claim(identity.RoleClaimType, r)));
        if (vendorId is { } vendor)
        {
            copy.AddClaim(new Claim(NotifyHubClaims.VendorId, vendor.ToString()));
        }

        return new ClaimsPrincipal(copy);
    }

    /// <summary>The user, vendor and roles a new session is opened with, read from the principal Identity made.</summary>
    public static (Guid UserId, Guid? VendorId, IReadOnlyList<string> Roles) GrantOf(ClaimsPrincipal principal)
    {
        var identity = PrimaryIdentity(principal);
        var userId = Guid.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A signed-in principal has no user id."));
        var vendor = principal.FindFirstValue(NotifyHubClaims.VendorId);
        return (userId, vendor is null ? null : Guid.Parse(vendor),
            [.. identity.FindAll(identity.RoleClaimType).Select(c => c.Value).Distinct(StringComparer.Ordinal)]);
    }

    private static ClaimsIdentity PrimaryIdentity(ClaimsPrincipal principal) =>
        principal.Identities.FirstOrDefault() ?? throw new InvalidOperationException("The principal has no identity.");
}
