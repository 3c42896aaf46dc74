using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.Notifications.Campaigns;
using NotifyHub.Notifications.Database;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Notifications.Parties;

/// <summary>
/// Keeps the latest projection of each person per purpose (as ciphertext), then enrols the batch's people in the
/// incident's launched campaigns: a person imported after launch is notified by the running campaign.
/// <para>
/// A stored purpose the person no longer has (a later import dropped their email or phone) is deleted, so the channel
/// is no longer reachable: enrolment skips it, and a notification already queued on it fails at delivery with
/// <c>no_address</c> and falls back to the next channel of a <c>first-available</c> campaign, as after a bounce.
/// </para>
/// Never commits: the consumer's transaction holds the projections, the enrolments and the inbox row together.
/// </summary>
public sealed class ArrivingProjections(NotificationsDbContext db, CampaignEnrolment enrolment, TimeProvider clock)
{
    public async Task StoreAsync(Guid incidentId, Guid importId, IReadOnlyList<ArrivingParty> parties, CancellationToken ct)
    {
        var ids = parties.Select(p => p.PersonId).ToList();
        var stored = (await db.AffectedParties.Where(p => p.IncidentId == incidentId && ids.Contains(p.PersonId)).ToListAsync(ct))
            .ToLookup(p => p.PersonId);
        var now = clock.GetUtcNow();
        var arrivals = new List<LateArrival>(parties.Count);
        foreach (var party in parties)
        {
            var mine = stored[party.PersonId].ToDictionary(p => p.Purpose);
            IReadOnlySet<Purpose> has = party.Has ?? new HashSet<Purpose>(mine.Keys.Union(party.Projections.Keys));
            db.AffectedParties.RemoveRange(mine.Values.Where(p => !has.Contains(p.Purpose) && !party.Projections.ContainsKey(p.Purpose)));
            foreach (var (purpose, projection) in party.Projections)
            {
                if (!mine.TryGetValue(purpose, out var row))
                {
                    row = new AffectedParty { IncidentId = incidentId, PersonId = party.PersonId, Purpose = purpose, Projection = projection };
                    db.AffectedParties.Add(row);
                }

                row.Projection = projection;
                row.Language = party.Language;
                row.DataCategories = [.. party.DataCategories];
                row.ImportId = importId;
                row.ReceivedAt = now;
            }

            arrivals.Add(new LateArrival(party.PersonId, has, [.. party.Projections.Keys]));
        }

        // On PostgreSQL a batch's new projections (up to three a person) go in by one COPY rather than an INSERT each.
        await AddedRowsCopy.InsertAsync<AffectedParty>(db, ct);
        await db.SaveChangesAsync(ct);
        await enrolment.EnrolLateArrivalsAsync(incidentId, arrivals, ct);
    }
}
