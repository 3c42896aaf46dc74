using Mediator;
using Microsoft.AspNetCore.Identity;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Audit;
using NotifyHub.Console.Database;
using System.Text.Json.Serialization;

namespace NotifyHub.Console.Staff;

/// <summary>Replaces an account's roles, under the same rules as a new account; its sessions end, so new tokens carry the new roles.</summary>
public sealed record ChangeStaffRoles(Guid Id, IReadOnlyList<string> Roles) : ICommand<StaffView>
{
    [JsonIgnore]
    public string Actor { get; init; } = "";
}

public sealed class ChangeStaffRolesHandler(ConsoleDbContext db, UserManager<StaffUser> users, StaffLifecycle lifecycle)
    : ICommandHandler<ChangeStaffRoles, StaffView>
{
    public async ValueTask<StaffView> Handle(ChangeStaffRoles command, CancellationToken cancellationToken)
    {
        var wanted = (command.Roles ?? []).Distinct(StringComparer.Ordinal).ToList();
        var user = await lifecycle.FindAsync(command.Id);
        StaffRoleRules.Ensure(wanted, user.VendorId);
        var current = await lifecycle.RolesOfAsync(user);
        if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin))
        {
            await lifecycle.EnsureNotLastAdminAsync(user, "stripped of the Admin role", cancellationToken);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            IdentityFailures.ThrowIfFailed(await users.RemoveFromRolesAsync(user, current.Except(wanted)));
            IdentityFailures.ThrowIfFailed(await users.AddToRolesAsync(user, wanted.Except(current)));
            await transaction.CommitAsync(cancellationToken);
        }

        await lifecycle.EndSessionsAndAuditAsync(user, "roles_changed", AccountAuditActions.StaffRolesChanged, command.Actor,
            new Dictionary<string, string> { ["from"] = AccountAudit.RolesOf(current), ["to"] = AccountAudit.RolesOf(wanted) },
            cancellationToken);
        return await lifecycle.ViewAsync(user.Id, cancellationToken);
    }
}
