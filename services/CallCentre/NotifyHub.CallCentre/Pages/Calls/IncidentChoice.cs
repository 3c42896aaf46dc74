using Microsoft.EntityFrameworkCore;
using NotifyHub.CallCentre.Assignments;
using NotifyHub.CallCentre.Database;
using NotifyHub.CallCentre.Scripts;

namespace NotifyHub.CallCentre.Pages.Calls;

/// <summary>
/// An incident the agent's vendor is assigned to (back-fill running or done), labelled by its call script's title in
/// the agent's language: the call centre keeps no incident title of its own, and the script is what the agent reads.
/// </summary>
public sealed record IncidentChoice(Guid Id, string? ScriptTitle, DateTimeOffset OpenedAt)
{
    internal static async Task<IReadOnlyList<IncidentChoice>> ForVendorAsync(CallCentreDbContext db, ScriptLibrary scripts,
        Guid vendorId, string language, CancellationToken ct)
    {
        var incidents = await db.Assignments.AsNoTracking()
            .Where(a => a.VendorId == vendorId && AssignmentStatuses.Active.Contains(a.Status))
            .Join(db.Incidents.AsNoTracking().Where(i => i.PurgedAt == null), a => a.IncidentId, i => i.Id, (a, i) => i)
            .ToListAsync(ct);
        var choices = new List<IncidentChoice>();
        foreach (var incident in incidents.DistinctBy(i => i.Id).OrderByDescending(i => i.OpenedAt))
        {
            var script = await scripts.CurrentAsync(incident.Id, language, ct);
            choices.Add(new IncidentChoice(incident.Id, script?.Title, incident.OpenedAt));
        }

        return choices;
    }
}
