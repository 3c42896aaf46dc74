using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Auth.Sessions;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Console.Database;
using NotifyHub.Contracts.Console;
using System.Text.Json.Serialization;

namespace NotifyHub.Console.Vendors;

/// <summary>
/// Cuts a vendor off for good: marks it revoked, locks out every one of its users and announces
/// <see cref="VendorRevoked"/> (consumers destroy its key), all in one transaction through the outbox; then ends
/// every session of its users, so their tokens stop working at once rather than at expiry.
/// </summary>
public sealed record RevokeVendor(Guid Id) : ICommand<VendorView>
{
    [JsonIgnore]
    public string Actor { get; init; } = "";
}

public sealed class RevokeVendorHandler(ConsoleDbContext db, IStaffSessions sessions, TimeProvider clock)
    : ICommandHandler<RevokeVendor, VendorView>
{
    public async ValueTask<VendorView> Handle(RevokeVendor command, CancellationToken cancellationToken)
    {
        var vendor = await db.Vendors.FirstOrDefaultAsync(v => v.Id == command.Id, cancellationToken)
            ?? throw ProblemException.NotFound("Vendor", command.Id);
        if (vendor.Status == VendorStatus.Revoked)
        {
            // Again, in case a first attempt committed the revocation but failed before ending every session.
            await EndSessionsAsync(vendor.Id, cancellationToken);
            throw ProblemException.Conflict("vendor_already_revoked", $"Vendor {vendor.Id} was revoked at {vendor.RevokedAt:O}.");
        }

        var now = clock.GetUtcNow();
        vendor.Status = VendorStatus.Revoked;
        vendor.RevokedAt = now;
        vendor.RevokedBy = command.Actor;

        // Edited directly rather than through UserManager so that everything lands in the one SaveChanges below.
        // A new security stamp makes their refresh tokens and cookies fail validation from now on.
        foreach (var user in await db.Users.Where(u => u.VendorId == vendor.Id).ToListAsync(cancellationToken))
        {
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
        }

        db.Publish(new VendorRevoked(vendor.Id, now, command.Actor));
        await db.SaveChangesAsync(cancellationToken);

        // After the commit: sessions live in the platform schema, outside this transaction, and a user locked out
        // by the commit cannot open a new one, so none is missed.
        await EndSessionsAsync(vendor.Id, cancellationToken);
        return VendorView.From(vendor);
    }

    private async Task EndSessionsAsync(Guid vendorId, CancellationToken cancellationToken)
    {
        foreach (var userId in await db.Users.Where(u => u.VendorId == vendorId).Select(u => u.Id).ToListAsync(cancellationToken))
        {
            await sessions.RevokeAllAsync(userId, SessionRevocationReasons.VendorRevoked, cancellationToken);
        }
    }
}
