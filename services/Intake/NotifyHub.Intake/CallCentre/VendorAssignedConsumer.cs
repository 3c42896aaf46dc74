using MassTransit;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.CallCentre;
using NotifyHub.Intake.Database;

namespace NotifyHub.Intake.CallCentre;

/// <summary>Starts the back-fill of a new call-centre assignment: counts the people, then hands on to the first page.</summary>
public sealed class VendorAssignedConsumer(IntakeDbContext db) : IdempotentConsumer<VendorAssigned, IntakeDbContext>(db)
{
    protected override async Task HandleAsync(VendorAssigned message, ConsumeContext<VendorAssigned> context)
    {
        var total = await Db.AffectedParties.CountAsync(p => p.IncidentId == message.IncidentId, context.CancellationToken);
        Db.Publish(new ProjectCallCentrePage(message.AssignmentId, message.IncidentId, message.VendorId, Guid.Empty, total));
    }
}
