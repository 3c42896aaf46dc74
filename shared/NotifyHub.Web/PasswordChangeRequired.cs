using System.Security.Claims;

namespace NotifyHub.Web;

/// <summary>
/// How pages recognise an account that must first replace a one-time password: the session restriction claim the
/// console's claims factory issues (the same type and value its API tokens carry), so pages and API agree.
/// </summary>
public static class PasswordChangeRequired
{
    public const string ClaimType = "notifyhub:restriction";
    public const string ClaimValue = "password_change_required";

    public static bool IsRequired(ClaimsPrincipal user) => user.HasClaim(ClaimType, ClaimValue);

    public static Claim Claim() => new(ClaimType, ClaimValue);
}
