using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Console.Database;
using NotifyHub.Console.Vendors;

namespace NotifyHub.Console.Staff;

/// <summary>
/// Creates a staff account with its roles in one transaction. Used by the Admin API and by
/// <c>notifyhub users add</c>; there is no self-registration.
/// </summary>
public sealed record CreateStaff(string Email, string Password, IReadOnlyList<string> Roles, Guid? VendorId) : ICommand<Guid>;

public sealed class CreateStaffHandler(ConsoleDbContext db, UserManager<StaffUser> users, TimeProvider clock)
    : ICommandHandler<CreateStaff, Guid>
{
    public async ValueTask<Guid> Handle(CreateStaff command, CancellationToken cancellationToken)
    {
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
        };
        IdentityFailures.ThrowIfFailed(await users.CreateAsync(user, command.Password));
        IdentityFailures.ThrowIfFailed(await users.AddToRolesAsync(user, command.Roles.Distinct(StringComparer.Ordinal)));
        await transaction.CommitAsync(cancellationToken);
        return user.Id;
    }
}
