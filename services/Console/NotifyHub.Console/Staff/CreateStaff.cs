using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Console.Audit;
using NotifyHub.Console.Database;
using NotifyHub.Console.Vendors;
using NotifyHub.Privacy.Audit;
using System.Text.Json.Serialization;

namespace NotifyHub.Console.Staff;

/// <summary>
/// Creates a staff account with its roles in one transaction. Used by the Admin API and by
/// <c>notifyhub users add</c>; there is no self-registration.
/// </summary>
public sealed record CreateStaff(string Email, string Password, IReadOnlyList<string> Roles, Guid? VendorId) : ICommand<Guid>
{
    /// <summary>Who creates it: a user id, or <see cref="AccountAudit.CommandLine"/>; never from the body.</summary>
    [JsonIgnore]
    public string Actor { get; init; } = "";

    /// <summary>Set for a generated one-time password: the account must pick its own before doing anything else.</summary>
    [JsonIgnore]
    public bool MustChangePassword { get; init; }
}

public sealed class CreateStaffHandler(ConsoleDbContext db, UserManager<StaffUser> users, AccountAudit audit, TimeProvider clock)
    : ICommandHandler<CreateStaff, Guid>
{
    public async ValueTask<Guid> Handle(CreateStaff command, CancellationToken cancellationToken)
    {
        var roles = command.Roles.Distinct(StringComparer.Ordinal).ToList();
        StaffRoleRules.Ensure(roles, command.VendorId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (command.VendorId is { } vendorId)
        {
            var vendor = await db.Vendors.AsNoTracking().FirstOrDefaultAsync(v => v.Id == vendorId, cancellationToken)
                ?? throw ProblemException.NotFound("Vendor", vendorId);
            if (vendor.Status != VendorStatus.Active)
            {
                throw ProblemException.Conflict("vendor_not_active", $"Vendor {vendorId} is {vendor.Status}: it cannot be given new users.");
            }
        }

        var email = command.Email.Trim();
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            UserName = email,
            Email = email,
            VendorId = command.VendorId,
            CreatedAt = clock.GetUtcNow(),
            MustChangePassword = command.MustChangePassword,
        };
        IdentityFailures.ThrowIfFailed(await users.CreateAsync(user, command.Password));
        IdentityFailures.ThrowIfFailed(await users.AddToRolesAsync(user, roles));
        await transaction.CommitAsync(cancellationToken);
        await audit.AppendAsync(AccountAuditActions.StaffCreated, AuditOutcomes.Done, command.Actor, user.Id,
            new Dictionary<string, string>
            {
                ["roles"] = AccountAudit.RolesOf(roles),
                ["vendor"] = command.VendorId?.ToString() ?? "",
                ["mustChangePassword"] = command.MustChangePassword ? "true" : "false",
            }, cancellationToken);
        return user.Id;
    }
}
