using MassTransit;
using Microsoft.Extensions.Logging;
using NotifyHub.Contracts;
using NotifyHub.Contracts.Intake;

namespace NotifyHub.Intake.Notifications;

/// <summary>
/// Answers notifications' <see cref="SealProjections"/> with the projections it may have. Only the notifications
/// holder is served: its key is the only one these purposes' projections are sealed under. Changes nothing, so a
/// redelivered request is simply answered again; what is decrypted with the projections is audited by notifications,
/// which opens them.
/// </summary>
public sealed partial class SealProjectionsConsumer(NotificationsProjector projector, ILogger<SealProjectionsConsumer> logger)
    : IConsumer<SealProjections>
{
    public async Task Consume(ConsumeContext<SealProjections> context)
    {
        var request = context.Message;
        if (request.HolderId != InternalHolders.Notifications)
        {
            LogRefused(logger, request.HolderId, request.IncidentId);
            await context.RespondAsync(new ProjectionsSealed(request.IncidentId, request.HolderId, []));
            return;
        }

        var projections = await projector.SealAsync(request.IncidentId, request.Wanted, context.CancellationToken);
        LogSealed(logger, projections.Count, request.Wanted.Count, request.IncidentId);
        await context.RespondAsync(new ProjectionsSealed(request.IncidentId, request.HolderId, projections));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projections for holder {HolderId} in incident {IncidentId} were asked for; only notifications is served")]
    private static partial void LogRefused(ILogger logger, Guid holderId, Guid incidentId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sealed {Count} of {Wanted} projections asked for by notifications in incident {IncidentId}")]
    private static partial void LogSealed(ILogger logger, int count, int wanted, Guid incidentId);
}
