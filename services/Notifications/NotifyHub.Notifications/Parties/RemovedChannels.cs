using Microsoft.EntityFrameworkCore;
using NotifyHub.Contracts.Intake;
using NotifyHub.Notifications.Database;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Notifications.Parties;

/// <summary>
/// A later import that drops a person's email or phone: intake then sends no projection for that purpose, and each
/// projection it does send lists every purpose the person still has (<see cref="ProjectedParty.Purposes"/>). The
/// projections of purposes no longer listed are deleted here, so the channel is no longer reachable: enrolment skips
/// it, and a notification already queued on it fails at delivery with <c>no_address</c> and falls back to the next
/// channel of a <c>first-available</c> campaign, as after a bounce.
/// </summary>
internal static class RemovedChannels
{
    /// <summary>Marks the removed projections for deletion in <paramref name="db"/>; the caller's SaveChanges commits them.</summary>
    public static async Task ForgetAsync(NotificationsDbContext db, Guid incidentId, IReadOnlyList<ProjectedParty> parties, CancellationToken ct)
    {
        var listed = parties.Where(p => p.Purposes is not null).ToDictionary(p => p.PersonId, p => p.Purposes!);
        if (listed.Count == 0)
        {
            return;
        }

        var ids = listed.Keys.ToList();
        var stored = await db.AffectedParties.Where(p => p.IncidentId == incidentId && ids.Contains(p.PersonId)).ToListAsync(ct);
        db.AffectedParties.RemoveRange(stored.Where(p => !listed[p.PersonId].Contains(p.Purpose.Code())));
    }
}
