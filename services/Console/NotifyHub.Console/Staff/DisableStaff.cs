using Mediator;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Console.Audit;
using System.Text.Json.Serialization;

namespace NotifyHub.Console.Staff;

/// <summary>Cuts an account off until an admin enables it again: locked out for good, sessions ended.</summary>
public sealed record DisableStaff(Guid Id) : ICommand<StaffView>
{
    [JsonIgnore]
    public string Actor { get; init; } = "";
}

public sealed class DisableStaffHandler(StaffLifecycle lifecycle) : ICommandHandler<DisableStaff, StaffView>
{
    public async ValueTask<StaffView> Handle(DisableStaff command, CancellationToken cancellationToken)
    {
        var user = await lifecycle.FindAsync(command.Id);
        if (user.DisabledAt is not null)
        {
            throw ProblemException.Conflict("staff_already_disabled", $"Staff member {user.Id} is already disabled.");
        }

        await lifecycle.EnsureNotLastAdminAsync(user, "disabled", cancellationToken);
        user.DisabledAt = lifecycle.Now;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        await lifecycle.SaveAsync(user);
        await lifecycle.EndSessionsAndAuditAsync(user, "staff_disabled", AccountAuditActions.StaffDisabled, command.Actor,
            new Dictionary<string, string> { ["roles"] = AccountAudit.RolesOf(await lifecycle.RolesOfAsync(user)) }, cancellationToken);
        return await lifecycle.ViewAsync(user.Id, cancellationToken);
    }
}
