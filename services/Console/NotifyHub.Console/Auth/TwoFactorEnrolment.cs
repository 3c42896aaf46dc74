using Microsoft.AspNetCore.Identity;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Audit;
using NotifyHub.Console.Staff;
using NotifyHub.Privacy.Audit;

namespace NotifyHub.Console.Auth;

/// <summary>
/// Enrolling an authenticator (RFC 6238: SHA-1, 30 s, 6 digits), the same way from the API and from the page: a key
/// to scan, then a code that proves it, which turns the second factor on, issues recovery codes, ends every session
/// and is audited.
/// </summary>
public sealed class TwoFactorEnrolment(UserManager<StaffUser> users, AccountAudit audit, IStaffSessions sessions)
{
    private const string Issuer = "NotifyHub";
    private const int RecoveryCodeCount = 10;

    /// <param name="keepKey">Show the key already set up (a page reloaded) instead of making a new one.</param>
    public async Task<TwoFactorSetup> SetupAsync(StaffUser user, bool keepKey)
    {
        var key = keepKey ? await users.GetAuthenticatorKeyAsync(user) : null;
        if (string.IsNullOrEmpty(key))
        {
            IdentityFailures.ThrowIfFailed(await users.ResetAuthenticatorKeyAsync(user));
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        var label = Uri.EscapeDataString($"{Issuer}:{user.Email}");
        return new TwoFactorSetup(key, $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6&period=30");
    }

    /// <returns>The recovery codes, shown once; null when the code does not match the key.</returns>
    public async Task<IReadOnlyList<string>?> EnableAsync(StaffUser user, string? code, CancellationToken ct)
    {
        var valid = !string.IsNullOrWhiteSpace(code) && await users.VerifyTwoFactorTokenAsync(
            user, users.Options.Tokens.AuthenticatorTokenProvider, TwoFactorCodes.Normalize(code));
        if (!valid)
        {
            return null;
        }

        IdentityFailures.ThrowIfFailed(await users.SetTwoFactorEnabledAsync(user, true));
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await sessions.RevokeAllAsync(user.Id, "two_factor_enabled", ct);
        await audit.AppendAsync(AccountAuditActions.TwoFactorEnabled, AuditOutcomes.Done, user.Id.ToString(), user.Id, cancellationToken: ct);
        return [.. codes ?? []];
    }

    public async Task<bool> HasKeyAsync(StaffUser user) => !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user));
}
