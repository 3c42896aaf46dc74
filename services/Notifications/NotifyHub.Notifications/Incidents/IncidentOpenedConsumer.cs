using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Intake;
using NotifyHub.Notifications.Database;

namespace NotifyHub.Notifications.Incidents;

/// <summary>Keeps notifications's copy of each incident; the inbox makes a redelivery a no-op.</summary>
public sealed class IncidentOpenedConsumer(NotificationsDbContext db, TimeProvider clock)
    : IdempotentConsumer<IncidentOpened, NotificationsDbContext>(db)
{
    protected override async Task HandleAsync(IncidentOpened message, ConsumeContext<IncidentOpened> context)
    {
        if (await Db.Incidents.FindAsync([message.IncidentId], context.CancellationToken) is not null)
        {
            return;
        }

        Db.Incidents.Add(new NotificationsIncident
        {
            Id = message.IncidentId,
            Title = message.Title,
            Summary = message.Summary,
            DiscoveredAt = message.DiscoveredAt,
            Cause = message.Cause,
            DataCategories = [.. message.DataCategories],
            Jurisdictions = [.. message.Jurisdictions],
            RecordedAt = clock.GetUtcNow(),
        });
    }
}
