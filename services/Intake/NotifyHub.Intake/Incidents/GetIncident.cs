using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Intake.Database;

namespace NotifyHub.Intake.Incidents;

public sealed record GetIncident(Guid Id) : IQuery<IncidentView>;

public sealed record IncidentView(
    Guid Id, string Title, string Summary, DateTimeOffset DiscoveredAt, DateTimeOffset? OccurredFrom,
    DateTimeOffset? OccurredTo, string Cause, IReadOnlyList<string> DataCategories,
    IReadOnlyList<string> Jurisdictions, string Status, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt = null,
    DateTimeOffset? RetainUntil = null, DateTimeOffset? PurgedAt = null, DateTimeOffset? AwareAt = null,
    DateTimeOffset? DeterminedAt = null);

public sealed class GetIncidentHandler(IntakeDbContext db) : IQueryHandler<GetIncident, IncidentView>
{
    public async ValueTask<IncidentView> Handle(GetIncident query, CancellationToken cancellationToken)
    {
        var i = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.Id, cancellationToken)
            ?? throw ProblemException.NotFound("Incident", query.Id);
        return new IncidentView(i.Id, i.Title, i.Summary, i.DiscoveredAt, i.OccurredFrom, i.OccurredTo, i.Cause,
            i.DataCategories, i.Jurisdictions, i.Status.ToCode(), i.CreatedAt, i.ClosedAt, i.RetainUntil, i.PurgedAt, i.AwareAt, i.DeterminedAt);
    }
}
