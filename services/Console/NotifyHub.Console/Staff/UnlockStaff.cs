using Mediator;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Console.Audit;
using NotifyHub.Console.Auth;
using System.Text.Json.Serialization;

namespace NotifyHub.Console.Staff;

/// <summary>Ends a lockout from failed sign-ins early, and the account's sign-in rate limit with it.</summary>
public sealed record UnlockStaff(Guid Id) : ICommand<StaffView>
{
    [JsonIgnore]
    public string Actor { get; init; } = "";
}

public sealed class UnlockStaffHandler(StaffLifecycle lifecycle, SignInThrottle throttle) : ICommandHandler<UnlockStaff, StaffView>
{
    public async ValueTask<StaffView> Handle(UnlockStaff command, CancellationToken cancellationToken)
    {
        var user = await lifecycle.FindAsync(command.Id);
        if (user.DisabledAt is not null)
        {
            throw ProblemException.Conflict("staff_disabled", $"Staff member {user.Id} is disabled: enable it instead.");
        }

        await lifecycle.EnsureVendorActiveAsync(user, cancellationToken);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await lifecycle.SaveAsync(user);
        await throttle.ForgetAccountAsync(user.Email ?? "", cancellationToken);
        await lifecycle.EndSessionsAndAuditAsync(user, "staff_unlocked", AccountAuditActions.StaffUnlocked, command.Actor, null, cancellationToken);
        return await lifecycle.ViewAsync(user.Id, cancellationToken);
    }
}
