using Mediator;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Console.Audit;
using System.Text.Json.Serialization;

namespace NotifyHub.Console.Staff;

/// <summary>Gives a disabled account its access back (not a revoked vendor's: that is final).</summary>
public sealed record EnableStaff(Guid Id) : ICommand<StaffView>
{
    [JsonIgnore]
    public string Actor { get; init; } = "";
}

public sealed class EnableStaffHandler(StaffLifecycle lifecycle) : ICommandHandler<EnableStaff, StaffView>
{
    public async ValueTask<StaffView> Handle(EnableStaff command, CancellationToken cancellationToken)
    {
        var user = await lifecycle.FindAsync(command.Id);
        if (user.DisabledAt is null)
        {
            throw ProblemException.Conflict("staff_not_disabled", $"Staff member {user.Id} is not disabled.");
        }

        await lifecycle.EnsureVendorActiveAsync(user, cancellationToken);
        user.DisabledAt = null;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await lifecycle.SaveAsync(user);
        await lifecycle.EndSessionsAndAuditAsync(user, "staff_enabled", AccountAuditActions.StaffEnabled, command.Actor,
            new Dictionary<string, string> { ["roles"] = AccountAudit.RolesOf(await lifecycle.RolesOfAsync(user)) }, cancellationToken);
        return await lifecycle.ViewAsync(user.Id, cancellationToken);
    }
}
