using Microsoft.AspNetCore.Identity;
using NotifyHub.Console.Audit;
using NotifyHub.Console.Staff;
using NotifyHub.Privacy.Audit;

namespace NotifyHub.Console.Auth;

/// <summary>
/// What every sign-in does around Identity's own checks, whichever door it came through (the API's tokens or the
/// pages' cookie): the rate limits, the decoy hash for an unknown email, and an audit entry for every outcome. One
/// place, so the two doors cannot drift apart.
/// </summary>
public sealed class SignInRecorder(UserManager<StaffUser> users, SignInThrottle throttle, AccountAudit audit)
{
    private static string? _decoyHash;

    public Task<TimeSpan?> RetryAfterAsync(string address, string? email, CancellationToken ct) =>
        throttle.RetryAfterAsync(address, email, ct);

    /// <summary>An unknown email: hash anyway, so the response time does not tell it from a wrong password.</summary>
    public async Task UnknownAccountAsync(string address, string? email, string password, CancellationToken ct)
    {
        _decoyHash ??= users.PasswordHasher.HashPassword(new StaffUser(), Guid.NewGuid().ToString());
        users.PasswordHasher.VerifyHashedPassword(new StaffUser(), _decoyHash, password);
        await throttle.RecordFailureAsync(address, email, ct);
        await audit.AppendAsync(AccountAuditActions.SignIn, AuditOutcomes.Denied, "", null,
            new Dictionary<string, string> { ["reason"] = "unknown_account" }, ct);
    }

    public async Task SucceededAsync(StaffUser user, CancellationToken ct)
    {
        var roles = await users.GetRolesAsync(user);
        await audit.AppendAsync(AccountAuditActions.SignIn, AuditOutcomes.Granted, user.Id.ToString(), user.Id,
            new Dictionary<string, string> { ["roles"] = AccountAudit.RolesOf(roles) }, ct);
    }

    /// <param name="wasLocked">Whether the account was locked before this attempt (so a new lockout is audited once).</param>
    public async Task FailedAsync(StaffUser user, SignInResult result, bool wasLocked, bool secondFactorFailed,
        string address, string? email, CancellationToken ct)
    {
        await throttle.RecordFailureAsync(address, email, ct);
        var reason = result.IsLockedOut ? (wasLocked ? "locked_out" : "lockout_started")
            : secondFactorFailed ? "invalid_two_factor_code" : "invalid_password";
        await audit.AppendAsync(AccountAuditActions.SignIn, AuditOutcomes.Denied, user.Id.ToString(), user.Id,
            new Dictionary<string, string> { ["reason"] = reason }, ct);
        if (reason == "lockout_started")
        {
            await audit.AppendAsync(AccountAuditActions.Lockout, AuditOutcomes.Done, user.Id.ToString(), user.Id,
                new Dictionary<string, string> { ["until"] = $"{await users.GetLockoutEndDateAsync(user):O}" }, ct);
        }
    }
}
