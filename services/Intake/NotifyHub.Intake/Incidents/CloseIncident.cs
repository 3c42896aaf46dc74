using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Contracts.Intake;
using NotifyHub.Intake.Database;
using NotifyHub.Privacy.Audit;
using System.Text.Json.Serialization;

namespace NotifyHub.Intake.Incidents;

/// <summary>
/// Closes an incident: no more imports, and its personal data is kept <see cref="RetentionDays"/> days
/// (default <see cref="IntakeOptions.RetentionDays"/>) before <c>notifyhub incidents purge</c> shreds it.
/// </summary>
public sealed record CloseIncident(int? RetentionDays) : ICommand<IncidentClosure>
{
    [JsonIgnore]
    public Guid IncidentId { get; init; }
}

public sealed record IncidentClosure(Guid Id, DateTimeOffset ClosedAt, DateTimeOffset RetainUntil);

public sealed class CloseIncidentValidator : AbstractValidator<CloseIncident>
{
    public CloseIncidentValidator() => RuleFor(c => c.RetentionDays).InclusiveBetween(0, 36500);
}

public sealed class CloseIncidentHandler(IntakeDbContext db, IOptions<IntakeOptions> options, CurrentActor actor, TimeProvider clock)
    : ICommandHandler<CloseIncident, IncidentClosure>
{
    public async ValueTask<IncidentClosure> Handle(CloseIncident command, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == command.IncidentId, cancellationToken)
            ?? throw ProblemException.NotFound("Incident", command.IncidentId);
        if (incident.ClosedAt is not null)
        {
            throw ProblemException.Conflict("incident_closed", "The incident is already closed.");
        }

        var now = clock.GetUtcNow();
        incident.ClosedAt = now;
        var retentionDays = command.RetentionDays ?? options.Value.RetentionDays;
        incident.RetainUntil = now.AddDays(retentionDays);
        incident.Status = IncidentStatus.Closed;
        db.Publish(new IncidentClosed(incident.Id, now, incident.RetainUntil.Value));
        // The retention decision is the privileged part: 0 days makes the incident purgeable at once.
        db.Audit(actor.Stamp(new AuditEvent(PrivilegedActions.IncidentClosed, AuditOutcomes.Done)
        {
            SubjectId = incident.Id,
            Details = new Dictionary<string, string>
            {
                ["retention_days"] = retentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["retain_until"] = incident.RetainUntil.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            },
        }));
        await db.SaveChangesAsync(cancellationToken);
        return new IncidentClosure(incident.Id, now, incident.RetainUntil.Value);
    }
}
