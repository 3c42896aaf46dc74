using MassTransit;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.CallCentre.Assignments;
using NotifyHub.CallCentre.Cases;
using NotifyHub.CallCentre.Database;
using NotifyHub.Contracts.Console;

namespace NotifyHub.CallCentre.Vendors;

/// <summary>
/// A revoked vendor's key is destroyed by the console, which already makes its projections, notes and callback codes
/// unreadable; here its projections and blind indexes are deleted, its assignments ended and its open cases closed.
/// </summary>
public sealed class VendorRevokedConsumer(CallCentreDbContext db, TimeProvider clock)
    : IdempotentConsumer<VendorRevoked, CallCentreDbContext>(db)
{
    public const string Outcome = "vendor_revoked";

    protected override async Task HandleAsync(VendorRevoked message, ConsumeContext<VendorRevoked> context)
    {
        var ct = context.CancellationToken;
        var now = clock.GetUtcNow();
        var vendor = await Db.Vendors.FindAsync([message.VendorId], ct);
        if (vendor is null)
        {
            Db.Vendors.Add(new RegisteredVendor { Id = message.VendorId, RegisteredAt = now, RevokedAt = message.RevokedAt });
        }
        else
        {
            vendor.RevokedAt ??= message.RevokedAt;
        }

        await Db.CallerRecords.Where(r => r.VendorId == message.VendorId).ExecuteDeleteAsync(ct);
        await Db.Assignments.Where(a => a.VendorId == message.VendorId && AssignmentStatuses.Active.Contains(a.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AssignmentStatus.Revoked).SetProperty(a => a.EndedAt, now), ct);
        await Db.Cases.Where(c => c.VendorId == message.VendorId && c.Status == CaseStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Closed).SetProperty(c => c.ClosedAt, now)
                .SetProperty(c => c.Outcome, Outcome), ct);
    }
}
