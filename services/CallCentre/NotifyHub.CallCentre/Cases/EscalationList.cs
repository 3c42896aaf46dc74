using Microsoft.EntityFrameworkCore;
using NotifyHub.CallCentre.Database;
using NotifyHub.CallCentre.Support;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Fields;

namespace NotifyHub.CallCentre.Cases;

/// <summary>An incident's escalations for its privacy officers, reasons decrypted with the incident's data key.</summary>
public sealed class EscalationList(CallCentreDbContext db, FieldCipher cipher, CallCentreAudit audit)
{
    public async Task<IReadOnlyList<EscalationView>> ListAsync(Guid incidentId, CallCentreActor actor, CancellationToken ct)
    {
        var rows = await db.Escalations.AsNoTracking().Where(e => e.IncidentId == incidentId).ToListAsync(ct);
        var views = new List<EscalationView>(rows.Count);
        foreach (var row in rows.OrderByDescending(e => e.EscalatedAt))
        {
            var reason = await cipher.DecryptAsync(row.Reason, row.Id, Escalation.ReasonField, ct);
            views.Add(new EscalationView(row.Id, row.CaseId, row.VendorId, row.AgentId, reason.Reveal(), row.EscalatedAt));
        }

        // The reasons were opened above; the read is on record before they leave.
        audit.Record(CallCentreAudit.EscalationsRead, AuditOutcomes.Granted, actor, null, incidentId);
        await db.SaveChangesAsync(ct);
        return views;
    }
}

public sealed record EscalationView(Guid Id, Guid CaseId, Guid VendorId, Guid AgentId, string Reason, DateTimeOffset EscalatedAt);
