using Mediator;
using Microsoft.AspNetCore.Identity;
using NotifyHub.Console.Audit;
using System.Text.Json.Serialization;

namespace NotifyHub.Console.Staff;

/// <summary>Deletes an account for good (its roles, tokens and second-factor secrets go with it); the audit entry keeps its id.</summary>
public sealed record RemoveStaff(Guid Id) : ICommand<Guid>
{
    [JsonIgnore]
    public string Actor { get; init; } = "";
}

public sealed class RemoveStaffHandler(UserManager<StaffUser> users, StaffLifecycle lifecycle) : ICommandHandler<RemoveStaff, Guid>
{
    public async ValueTask<Guid> Handle(RemoveStaff command, CancellationToken cancellationToken)
    {
        var user = await lifecycle.FindAsync(command.Id);
        await lifecycle.EnsureNotLastAdminAsync(user, "removed", cancellationToken);
        var roles = await lifecycle.RolesOfAsync(user);

        // Sessions end before the row goes, while the user still exists for whatever keeps them.
        await lifecycle.EndSessionsAndAuditAsync(user, "staff_removed", AccountAuditActions.StaffRemoved, command.Actor,
            new Dictionary<string, string> { ["roles"] = AccountAudit.RolesOf(roles) }, cancellationToken);
        IdentityFailures.ThrowIfFailed(await users.DeleteAsync(user));
        return user.Id;
    }
}
