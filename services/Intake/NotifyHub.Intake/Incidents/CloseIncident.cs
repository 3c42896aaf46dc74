using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Contracts.Intake;
using NotifyHub.Intake.Database;

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

public sealed class CloseIncidentHandler(IntakeDbContext db, IOptions<IntakeOptions> options, TimeProvider clock)
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
        incident.RetainUntil = now.AddDays(command.RetentionDays ?? options.Value.RetentionDays);
        incident.Status = "closed";
        db.Publish(new IncidentClosed(incident.Id, now, incident.RetainUntil.Value));
        await db.SaveChangesAsync(cancellationToken);
        return new IncidentClosure(incident.Id, now, incident.RetainUntil.Value);
    }
}
