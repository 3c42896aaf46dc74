using Mediator;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Intake;
using NotifyHub.Intake.Database;
using NotifyHub.Privacy.Audit;
using System.Text.Json.Serialization;

namespace NotifyHub.Intake.Incidents;

/// <summary>Opens an incident and announces it with <see cref="IncidentOpened"/> (through the outbox).</summary>
public sealed record OpenIncident(
    string Title,
    string Summary,
    DateTimeOffset? DiscoveredAt,
    DateTimeOffset? OccurredFrom,
    DateTimeOffset? OccurredTo,
    string Cause,
    IReadOnlyList<string> DataCategories,
    IReadOnlyList<string> Jurisdictions,
    DateTimeOffset? AwareAt = null,
    DateTimeOffset? DeterminedAt = null) : ICommand<Guid>
{
    /// <summary>Who opens it; set from the caller's identity, never from the body.</summary>
    [JsonIgnore]
    public string Actor { get; init; } = "";
}

public sealed class OpenIncidentHandler(IntakeDbContext db, CurrentActor actor, TimeProvider clock) : ICommandHandler<OpenIncident, Guid>
{
    public async ValueTask<Guid> Handle(OpenIncident command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var incident = new Incident
        {
            Id = Guid.CreateVersion7(now),
            Title = command.Title.Trim(),
            Summary = command.Summary.Trim(),
            DiscoveredAt = command.DiscoveredAt!.Value,
            AwareAt = command.AwareAt?.ToUniversalTime(),
            DeterminedAt = command.DeterminedAt?.ToUniversalTime(),
            OccurredFrom = command.OccurredFrom,
            OccurredTo = command.OccurredTo,
            Cause = command.Cause,
            DataCategories = [.. command.DataCategories.Distinct()],
            Jurisdictions = [.. command.Jurisdictions.Select(j => j.ToUpperInvariant()).Distinct()],
            CreatedAt = now,
            CreatedBy = command.Actor,
        };
        db.Incidents.Add(incident);
        db.Publish(new IncidentOpened(incident.Id, incident.Title, incident.Summary, incident.DiscoveredAt, incident.Cause,
            incident.DataCategories, incident.Jurisdictions, now, incident.AwareAt, incident.DeterminedAt, incident.OccurredFrom,
            incident.OccurredTo));
        db.Audit(actor.Stamp(new AuditEvent(PrivilegedActions.IncidentOpened, AuditOutcomes.Done)
        {
            SubjectId = incident.Id,
            Details = new Dictionary<string, string>
            {
                ["jurisdictions"] = string.Join(',', incident.Jurisdictions),
                ["data_categories"] = string.Join(',', incident.DataCategories),
            },
        }));
        await db.SaveChangesAsync(cancellationToken);
        return incident.Id;
    }
}
