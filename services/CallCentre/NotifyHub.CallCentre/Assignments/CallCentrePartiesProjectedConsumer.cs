using MassTransit;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.CallCentre.Database;
using NotifyHub.Contracts.CallCentre;

namespace NotifyHub.CallCentre.Assignments;

/// <summary>
/// Stores a page of projections for the vendor's active assignment and moves its progress on. Pages for an
/// assignment that ended (unassigned or revoked while intake was still sending) are dropped.
/// </summary>
public sealed class CallCentrePartiesProjectedConsumer(CallCentreDbContext db, TimeProvider clock)
    : IdempotentConsumer<CallCentrePartiesProjected, CallCentreDbContext>(db)
{
    protected override async Task HandleAsync(CallCentrePartiesProjected message, ConsumeContext<CallCentrePartiesProjected> context)
    {
        var ct = context.CancellationToken;
        var assignment = await Db.Assignments.AsNoTracking().FirstOrDefaultAsync(a =>
            a.IncidentId == message.IncidentId && a.VendorId == message.VendorId && AssignmentStatuses.Active.Contains(a.Status), ct);
        if (assignment is null || (message.AssignmentId is { } id && id != assignment.Id))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var ids = message.Parties.Select(p => p.PersonId).ToList();
        var existing = await Db.CallerRecords
            .Where(r => r.VendorId == message.VendorId && r.IncidentId == message.IncidentId && ids.Contains(r.PersonId))
            .ToDictionaryAsync(r => r.PersonId, ct);
        var added = 0;
        foreach (var party in message.Parties)
        {
            if (!existing.TryGetValue(party.PersonId, out var record))
            {
                record = new CallerRecord
                {
                    IncidentId = message.IncidentId, VendorId = message.VendorId, PersonId = party.PersonId,
                    Projection = party.Projection, ReferenceCodeIndex = party.ReferenceCodeIndex,
                };
                Db.CallerRecords.Add(record);
                existing[party.PersonId] = record;
                added++;
            }

            record.Projection = party.Projection;
            record.ReferenceCodeIndex = party.ReferenceCodeIndex;
            record.PhoneIndex = party.PhoneIndex;
            record.DateOfBirthIndex = party.DateOfBirthIndex;
            record.PostcodeIndex = party.PostcodeIndex;
            record.ReceivedAt = now;
        }

        // Progress moves by SQL increments: a later import's page may be stored at the same time as a back-fill page.
        await Db.Assignments.Where(a => a.Id == assignment.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Projected, a => a.Projected + added), ct);
        if (message.Total is { } total)
        {
            await Db.Assignments.Where(a => a.Id == assignment.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Total, total), ct);
        }

        // Complete once every person counted at assignment is stored, not when the last page arrives: pages are
        // consumed concurrently, so the last one can commit while an earlier one is still being stored (or retried).
        if (message.AssignmentId == assignment.Id && await Db.Assignments
                .Where(a => a.Id == assignment.Id && a.Status == AssignmentStatus.Running && a.Total != null && a.Projected >= a.Total)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AssignmentStatus.Completed).SetProperty(a => a.CompletedAt, now), ct) == 1
            && Db.Database.IsNpgsql())
        {
            // Fresh statistics the moment agents can verify everyone. Until autovacuum got round to it, the planner
            // knew nothing of the rows just stored and chose, for the caller lookup, an index that matched the whole
            // incident and filtered it row by row (2,000 rows read per verification in the benchmark; a million in a
            // large incident). Sampled, so a few hundred milliseconds once per assignment whatever its size.
            await Db.Database.ExecuteSqlRawAsync("ANALYZE callcentre.caller_records", ct);
        }
    }
}
