using Mediator;
using Microsoft.AspNetCore.Identity;
using NotifyHub.Console.Audit;
using System.Text.Json.Serialization;

namespace NotifyHub.Console.Staff;

/// <summary>
/// For a lost authenticator: turns the second factor off, replaces the key and drops the recovery codes. An admin or
/// privacy officer then gets only an enrolment token at the next sign-in (while a second factor is required).
/// </summary>
public sealed record ResetStaffTwoFactor(Guid Id) : ICommand<StaffView>
{
    [JsonIgnore]
    public string Actor { get; init; } = "";
}

public sealed class ResetStaffTwoFactorHandler(UserManager<StaffUser> users, StaffLifecycle lifecycle)
    : ICommandHandler<ResetStaffTwoFactor, StaffView>
{
    public async ValueTask<StaffView> Handle(ResetStaffTwoFactor command, CancellationToken cancellationToken)
    {
        var user = await lifecycle.FindAsync(command.Id);
        IdentityFailures.ThrowIfFailed(await users.SetTwoFactorEnabledAsync(user, false));
        IdentityFailures.ThrowIfFailed(await users.ResetAuthenticatorKeyAsync(user));
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await lifecycle.EndSessionsAndAuditAsync(user, "two_factor_reset", AccountAuditActions.TwoFactorReset, command.Actor, null, cancellationToken);
        return await lifecycle.ViewAsync(user.Id, cancellationToken);
    }
}
