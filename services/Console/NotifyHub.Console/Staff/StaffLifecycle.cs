using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Console.Audit;
using NotifyHub.Console.Database;
using NotifyHub.Console.Vendors;
using NotifyHub.Privacy.Audit;

namespace NotifyHub.Console.Staff;

/// <summary>
/// What every change to an account shares: finding it, keeping one active admin, ending its sessions (new security
/// stamp plus <see cref="IStaffSessions"/>) and the audit entry. Used by the staff API and the users CLI alike.
/// </summary>
public sealed class StaffLifecycle(
    ConsoleDbContext db, UserManager<StaffUser> users, IStaffSessions sessions, AccountAudit audit, TimeProvider clock)
{
    public const string LastAdmin = "last_admin";

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<StaffUser> FindAsync(Guid id) =>
        await users.FindByIdAsync(id.ToString()) ?? throw ProblemException.NotFound("Staff member", id);

    /// <summary>Refuses (409 <c>last_admin</c>) when <paramref name="user"/> is the only enabled admin left.</summary>
    public async Task EnsureNotLastAdminAsync(StaffUser user, string change, CancellationToken cancellationToken)
    {
        if (user.DisabledAt is not null || !await users.IsInRoleAsync(user, Roles.Admin))
        {
            return;
        }

        var adminRole = users.NormalizeName(Roles.Admin);
        var others = await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            join u in db.Users on ur.UserId equals u.Id
                            where r.NormalizedName == adminRole && u.Id != user.Id && u.DisabledAt == null
                            select u.Id).AnyAsync(cancellationToken);
        if (!others)
        {
            throw ProblemException.Conflict(LastAdmin,
                $"This is the last active admin: it cannot be {change}. Give another account the Admin role first.");
        }
    }

    /// <summary>A revoked vendor's staff stay locked out for good: neither enable nor unlock brings them back.</summary>
    public async Task EnsureVendorActiveAsync(StaffUser user, CancellationToken cancellationToken)
    {
        if (user.VendorId is { } vendorId &&
            await db.Vendors.AnyAsync(v => v.Id == vendorId && v.Status != VendorStatus.Active, cancellationToken))
        {
            throw ProblemException.Conflict("vendor_not_active", $"Vendor {vendorId} was revoked: its staff cannot be given access again.");
        }
    }

    public async Task SaveAsync(StaffUser user) => IdentityFailures.ThrowIfFailed(await users.UpdateAsync(user));

    /// <summary>New security stamp (refresh tokens fail), then every session ended, then the audit entry.</summary>
    public async Task EndSessionsAndAuditAsync(StaffUser user, string reason, string action, string actor,
        IReadOnlyDictionary<string, string>? details, CancellationToken cancellationToken)
    {
        IdentityFailures.ThrowIfFailed(await users.UpdateSecurityStampAsync(user));
        await sessions.RevokeAllAsync(user.Id, reason, cancellationToken);
        await audit.AppendAsync(action, AuditOutcomes.Done, actor, user.Id, details, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> RolesOfAsync(StaffUser user) => [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)];

    public async Task<StaffView> ViewAsync(Guid id, CancellationToken cancellationToken) =>
        (await StaffView.LoadAsync(db, id, clock.GetUtcNow(), cancellationToken)).Single();
}
