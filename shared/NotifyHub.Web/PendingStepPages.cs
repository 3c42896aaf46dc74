using Microsoft.AspNetCore.Authentication.Cookies;
using System.Security.Claims;

namespace NotifyHub.Web;

/// <summary>
/// A session that must first finish a step (replace a one-time password, enrol a second factor) is refused
/// everything else; on pages that refusal sends the person to the step's page instead of "forbidden", so they see
/// what to do rather than a dead end. Password comes before the second factor, as at sign-in.
/// </summary>
internal static class PendingStepPages
{
    public const string TwoFactorEnrolmentPath = "/console/two-factor";

    private const string TwoFactorEnrolmentRequired = "two_factor_enrolment_required";

    public static string? For(ClaimsPrincipal user) =>
        PasswordChangeRequired.IsRequired(user) ? PasswordChangeFilter.ChangePasswordPath
        : user.HasClaim(PasswordChangeRequired.ClaimType, TwoFactorEnrolmentRequired) ? TwoFactorEnrolmentPath
        : null;

    public static void RedirectRefusalsToTheStep(CookieAuthenticationOptions options)
    {
        var refuse = options.Events.OnRedirectToAccessDenied;
        options.Events.OnRedirectToAccessDenied = context =>
        {
            if (For(context.HttpContext.User) is { } step)
            {
                context.Response.Redirect(step);
                return Task.CompletedTask;
            }

            return refuse(context);
        };
    }
}
