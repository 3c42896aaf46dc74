using Microsoft.AspNetCore.Identity;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Audit;
using NotifyHub.Console.Staff;
using NotifyHub.Privacy.Audit;

namespace NotifyHub.Console.Auth;

/// <summary>How a password change ended; <see cref="Errors"/> holds Identity's refusals of the new password.</summary>
public sealed record PasswordChangeOutcome(PasswordChangeResult Result, TimeSpan? RetryAfter = null, IReadOnlyList<IdentityError>? Errors = null);

public enum PasswordChangeResult
{
    Changed,
    Throttled,
    WrongCurrentPassword,
    Reused,
    Rejected,
}

/// <summary>
/// Changes a signed-in person's password, the same way from the API and from the page: a wrong current password
/// counts towards the address's rate limit, the one-time-password mark is cleared, every session of the account
/// ends (a thief's included) and the change is audited.
/// </summary>
public sealed class PasswordChanger(UserManager<StaffUser> users, SignInThrottle throttle, AccountAudit audit, IStaffSessions sessions)
{
    public async Task<PasswordChangeOutcome> ChangeAsync(StaffUser user, string? current, string? next, string address, CancellationToken ct)
    {
        if (await throttle.RetryAfterAsync(address, email: null, ct) is { } wait)
        {
            return new(PasswordChangeResult.Throttled, wait);
        }

        current ??= "";
        next ??= "";
        if (!await users.CheckPasswordAsync(user, current))
        {
            await throttle.RecordFailureAsync(address, email: null, ct);
            return new(PasswordChangeResult.WrongCurrentPassword);
        }

        if (string.Equals(current, next, StringComparison.Ordinal))
        {
            return new(PasswordChangeResult.Reused);
        }

        var changed = await users.ChangePasswordAsync(user, current, next);
        if (!changed.Succeeded)
        {
            return new(PasswordChangeResult.Rejected, Errors: [.. changed.Errors]);
        }

        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            IdentityFailures.ThrowIfFailed(await users.UpdateAsync(user));
        }

        await sessions.RevokeAllAsync(user.Id, "password_changed", ct);
        await audit.AppendAsync(AccountAuditActions.PasswordChanged, AuditOutcomes.Done, user.Id.ToString(), user.Id, cancellationToken: ct);
        return new(PasswordChangeResult.Changed);
    }
}
