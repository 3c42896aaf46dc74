using Microsoft.AspNetCore.Http;
using System.Security.Claims;

namespace NotifyHub.BuildingBlocks.Auth;

/// <summary>
/// A token issued to an account that must first change its one-time password or enrol a second factor carries one
/// <see cref="ClaimType"/> claim per pending step. Such a token opens only the few routes that complete those steps;
/// every other route answers 403 with the pending step's code.
/// </summary>
public static class SessionRestrictions
{
    public const string ClaimType = "notifyhub:restriction";

    public const string PasswordChangeRequired = "password_change_required";

    public const string TwoFactorEnrolmentRequired = "two_factor_enrolment_required";

    /// <summary>
    /// Routes a restricted token may call. A path list rather than endpoint metadata, so a route added elsewhere
    /// (sign-out) is covered without touching this rule, and nothing else can opt itself in by accident.
    /// </summary>
    public static IReadOnlyList<PathString> AllowedPaths { get; } =
    [
        "/api/v1/auth/me",
        "/api/v1/auth/password",
        "/api/v1/auth/2fa/setup",
        "/api/v1/auth/2fa/enable",
        "/api/v1/auth/logout",
        // The same steps as pages: change the one-time password, enrol a second factor, switch language, sign out.
        "/console/password",
        "/console/two-factor",
        "/console/preferences",
        "/console/sign-out",
        "/console/forbidden",
    ];

    /// <summary>The first pending step (password before second factor), or null for a full session.</summary>
    public static string? PendingStep(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var steps = user.FindAll(ClaimType).Select(c => c.Value).ToList();
        return steps.Contains(PasswordChangeRequired) ? PasswordChangeRequired : steps.FirstOrDefault();
    }

    public static bool IsAllowed(PathString path) =>
        AllowedPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase));
}
