using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.CallCentre.Cases;
using NotifyHub.CallCentre.Database;
using NotifyHub.CallCentre.Support;
using NotifyHub.Contracts.CallCentre;
using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.CallCentre.Assignments;

/// <summary>
/// Assigns and unassigns call-centre vendors. The privacy store's assignment (what the key service checks) is made
/// first and is idempotent; the call centre's own row and the <see cref="VendorAssigned"/> event commit together.
/// </summary>
public sealed class VendorAssigning(CallCentreDbContext db, VendorAssignments privacy, TimeProvider clock)
{
    public const string UnassignedOutcome = "vendor_unassigned";

    public async Task<Guid> AssignAsync(Guid incidentId, Guid? vendorId, CallCentreActor actor, CancellationToken ct)
    {
        if (vendorId is not { } id || id == Guid.Empty)
        {
            throw Problems.Invalid("vendor_required", "Name the vendor to assign: {\"vendorId\": \"...\"}.");
        }

        _ = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId && i.PurgedAt == null, ct)
            ?? throw ProblemException.NotFound("Incident", incidentId);
        var vendor = await db.Vendors.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct)
            ?? throw new ProblemException(ProblemKind.NotFound, "vendor_not_found", "Vendor not found", $"No registered vendor with id {id}.");
        if (vendor.RevokedAt is not null)
        {
            throw Revoked(id);
        }

        var existing = await db.Assignments.AsNoTracking().FirstOrDefaultAsync(a =>
            a.IncidentId == incidentId && a.VendorId == id && AssignmentStatuses.Active.Contains(a.Status), ct);
        if (existing is not null)
        {
            return existing.Id;
        }

        try
        {
            await privacy.AssignAsync(id, incidentId, Purpose.CallCentre, actor.ToPrivacyActor(), ct);
        }
        catch (KeyDestroyedException)
        {
            throw Revoked(id);
        }

        var now = clock.GetUtcNow();
        var assignment = new Assignment { Id = Guid.CreateVersion7(now), IncidentId = incidentId, VendorId = id, AssignedAt = now, AssignedBy = actor.UserId };
        db.Assignments.Add(assignment);
        db.Publish(new VendorAssigned(assignment.Id, incidentId, id, now));
        await db.SaveChangesAsync(ct);
        return assignment.Id;
    }

    /// <summary>Shreds what the vendor holds of the incident's people: its projections and blind indexes are deleted.</summary>
    public async Task UnassignAsync(Guid incidentId, Guid vendorId, CallCentreActor actor, CancellationToken ct)
    {
        var assignment = await db.Assignments.FirstOrDefaultAsync(a =>
            a.IncidentId == incidentId && a.VendorId == vendorId && AssignmentStatuses.Active.Contains(a.Status), ct)
            ?? throw new ProblemException(ProblemKind.NotFound, "not_assigned", "Not assigned", $"Vendor {vendorId} is not assigned to incident {incidentId}.");

        // The key service's check goes first: from here on no agent of the vendor reads the incident's people.
        await privacy.UnassignAsync(vendorId, incidentId, Purpose.CallCentre, actor.ToPrivacyActor(), ct);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.CallerRecords.Where(r => r.IncidentId == incidentId && r.VendorId == vendorId).ExecuteDeleteAsync(ct);
        await db.Cases.Where(c => c.IncidentId == incidentId && c.VendorId == vendorId && c.Status == CaseStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Closed).SetProperty(c => c.ClosedAt, now)
                .SetProperty(c => c.Outcome, UnassignedOutcome), ct);
        assignment.Status = AssignmentStatus.Unassigned;
        assignment.EndedAt = now;
        db.Publish(new VendorUnassigned(assignment.Id, incidentId, vendorId, now));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<AssignmentView>> ListAsync(Guid incidentId, CancellationToken ct) =>
        (await db.Assignments.AsNoTracking().Where(a => a.IncidentId == incidentId).ToListAsync(ct))
            .OrderByDescending(a => a.AssignedAt).Select(AssignmentView.From).ToList();

    private static ProblemException Revoked(Guid id) =>
        ProblemException.Conflict("vendor_revoked", $"Vendor {id} was revoked; revocation is for good.");
}
