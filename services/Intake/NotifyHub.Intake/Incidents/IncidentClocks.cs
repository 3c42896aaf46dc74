using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Contracts.Intake;
using NotifyHub.Intake.Database;
using System.Text.Json.Serialization;

namespace NotifyHub.Intake.Incidents;

/// <summary>
/// <c>PATCH /api/v1/incidents/{id}</c>: records or corrects when the organisation became aware of the breach and
/// when it determined it occurred. Absent members keep their value. Announced with <see cref="IncidentClocksChanged"/>:
/// regulator deadlines run from these clocks.
/// </summary>
public sealed record IncidentClocks(DateTimeOffset? AwareAt, DateTimeOffset? DeterminedAt) : ICommand<Unit>
{
    public const string OrderMessage = "'awareAt' cannot be after 'determinedAt': an organisation determines a breach occurred no earlier than it becomes aware of it.";

    [JsonIgnore]
    public Guid IncidentId { get; init; }

    [JsonIgnore]
    public string Actor { get; init; } = "";
}

public sealed class IncidentClocksHandler(IntakeDbContext db, TimeProvider clock) : ICommandHandler<IncidentClocks, Unit>
{
    public async ValueTask<Unit> Handle(IncidentClocks command, CancellationToken cancellationToken)
    {
        if (command.AwareAt is null && command.DeterminedAt is null)
        {
            throw ProblemException.Invalid("no_clock", "Give 'awareAt', 'determinedAt' or both.");
        }

        var now = clock.GetUtcNow();
        foreach (var (name, value) in new[] { ("awareAt", command.AwareAt), ("determinedAt", command.DeterminedAt) })
        {
            if (value > now.AddMinutes(5))
            {
                throw ProblemException.Invalid("clock_in_future", $"'{name}' cannot be in the future.");
            }
        }

        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == command.IncidentId, cancellationToken)
            ?? throw ProblemException.NotFound("Incident", command.IncidentId);
        var awareAt = command.AwareAt?.ToUniversalTime() ?? incident.AwareAt;
        var determinedAt = command.DeterminedAt?.ToUniversalTime() ?? incident.DeterminedAt;
        if (awareAt > determinedAt)
        {
            throw ProblemException.Invalid("clock_order", IncidentClocks.OrderMessage);
        }

        incident.AwareAt = awareAt;
        incident.DeterminedAt = determinedAt;
        db.Publish(new IncidentClocksChanged(incident.Id, awareAt, determinedAt, now));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
