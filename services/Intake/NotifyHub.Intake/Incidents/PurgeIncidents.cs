using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.Intake.Database;
using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Retention;

namespace NotifyHub.Intake.Incidents;

/// <summary>
/// Retention: every closed incident whose <see cref="Incident.RetainUntil"/> has passed loses its keys (crypto-shredding:
/// every copy of its ciphertexts and blind indexes, wherever it went, becomes noise) and its person rows.
/// </summary>
public sealed record PurgeIncidents(bool DryRun, Guid ActorId) : ICommand<IReadOnlyList<PurgedIncident>>;

public sealed record PurgedIncident(Guid Id, string Title, DateTimeOffset RetainUntil, int PeopleDeleted);

public sealed class PurgeIncidentsHandler(IntakeDbContext db, IncidentShredder shredder, TimeProvider clock)
    : ICommandHandler<PurgeIncidents, IReadOnlyList<PurgedIncident>>
{
    public async ValueTask<IReadOnlyList<PurgedIncident>> Handle(PurgeIncidents command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Filtered in memory: SQLite cannot compare DateTimeOffset columns in SQL.
        var due = (await db.Incidents.Where(i => i.ClosedAt != null && i.PurgedAt == null).ToListAsync(cancellationToken))
            .Where(i => i.RetainUntil <= now).OrderBy(i => i.RetainUntil).ToList();
        var purged = new List<PurgedIncident>();
        foreach (var incident in due)
        {
            var people = await db.AffectedParties.CountAsync(p => p.IncidentId == incident.Id, cancellationToken);
            if (!command.DryRun)
            {
                // Keys first: if the deletes then fail, the rows left are already unreadable and the next run finishes.
                // The shred entry is the purge's audit record: it names the operator (a CLI verb runs inside
                // AuditOperator.CommandLine) and how many people go with the keys.
                await shredder.ShredAsync(incident.Id, new PrivacyActor(command.ActorId, ["Admin"]),
                    new Dictionary<string, string> { ["people_deleted"] = people.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    cancellationToken);
                await db.AffectedParties.Where(p => p.IncidentId == incident.Id).ExecuteDeleteAsync(cancellationToken);
                incident.PurgedAt = now;
                incident.Status = IncidentStatus.Purged;
                await db.SaveChangesAsync(cancellationToken);
            }

            purged.Add(new PurgedIncident(incident.Id, incident.Title, incident.RetainUntil!.Value, people));
        }

        return purged;
    }
}
