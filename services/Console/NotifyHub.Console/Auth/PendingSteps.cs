using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Staff;

namespace NotifyHub.Console.Auth;

/// <summary>What an account must do before it gets a full session: one rule for tokens, refresh and the login answer.</summary>
internal static class PendingSteps
{
    public static bool MustEnrolTwoFactor(StaffUser user, IEnumerable<string> roles, AccountSecurityOptions options) =>
        options.RequireTwoFactor && !user.TwoFactorEnabled && roles.Any(r => r is Roles.Admin or Roles.PrivacyOfficer);

    public static IReadOnlyList<string> Of(StaffUser user, IEnumerable<string> roles, AccountSecurityOptions options)
    {
        var steps = new List<string>(2);
        if (user.MustChangePassword)
        {
            steps.Add(SessionRestrictions.PasswordChangeRequired);
        }

        if (MustEnrolTwoFactor(user, roles, options))
        {
            steps.Add(SessionRestrictions.TwoFactorEnrolmentRequired);
        }

        return steps;
    }
}
