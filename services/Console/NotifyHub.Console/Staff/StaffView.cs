using Microsoft.EntityFrameworkCore;
using NotifyHub.Console.Database;

namespace NotifyHub.Console.Staff;

/// <summary>An account as admins see it: never its password hash, security stamp or authenticator key.</summary>
public sealed record StaffView(
    Guid Id, string Email, IReadOnlyList<string> Roles, Guid? VendorId, bool TwoFactorEnabled,
    DateTimeOffset? LockedOutUntil, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt = null, bool MustChangePassword = false)
{
    internal static async Task<List<StaffView>> LoadAsync(ConsoleDbContext db, Guid? id, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => id == null || u.Id == id).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where id == null || ur.UserId == id
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        return [.. users.OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase).Select(u => new StaffView(
            u.Id,
            u.Email ?? "",
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal)],
            u.VendorId,
            u.TwoFactorEnabled,
            u.LockoutEnd > now ? u.LockoutEnd : null,
            u.CreatedAt,
            u.DisabledAt,
            u.MustChangePassword))];
    }
}
