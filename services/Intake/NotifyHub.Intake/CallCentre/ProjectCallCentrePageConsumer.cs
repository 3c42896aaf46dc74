using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.CallCentre;
using NotifyHub.Intake.Database;
using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Intake.CallCentre;

/// <summary>
/// One page of an assignment's back-fill: projects it, publishes it, and queues the next page in the same
/// transaction. Stops as soon as the vendor is no longer assigned (unassigned or revoked while it ran).
/// </summary>
public sealed class ProjectCallCentrePageConsumer(IntakeDbContext db, CallCentreProjector projector, VendorAssignments assignments)
    : IdempotentConsumer<ProjectCallCentrePage, IntakeDbContext>(db)
{
    public const int PageSize = 500;

    protected override async Task HandleAsync(ProjectCallCentrePage message, ConsumeContext<ProjectCallCentrePage> context)
    {
        var ct = context.CancellationToken;
        if (!await assignments.IsAssignedAsync(message.VendorId, message.IncidentId, Purpose.CallCentre, ct))
        {
            return;
        }

        var page = await projector.PageAsync(message.IncidentId, message.AfterPersonId, PageSize, ct);
        var last = page.Count < PageSize;
        var parties = await projector.ProjectAsync(page, message.VendorId, ct);
        Db.Publish(new CallCentrePartiesProjected(message.AssignmentId, message.IncidentId, message.VendorId, message.Total, last, parties));
        if (!last)
        {
            Db.Publish(message with { AfterPersonId = page[^1].Id });
        }
    }
}
