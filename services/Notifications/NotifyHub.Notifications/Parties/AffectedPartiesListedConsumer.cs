using MassTransit;
using Microsoft.Extensions.Logging;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts;
using NotifyHub.Contracts.Intake;
using NotifyHub.Notifications.Database;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Notifications.Parties;

/// <summary>
/// A committed import batch's people with the purposes each can be reached for, and no projection: a row per person
/// and purpose is kept with an empty <see cref="AffectedParty.Projection"/>, and intake seals the projection when a
/// notification is sent (<see cref="Delivery.RecipientReader"/>). A purpose the person no longer has is deleted, and
/// the batch's people join launched campaigns, as with <see cref="ArrivingProjections"/> for every message from intake.
/// </summary>
public sealed partial class AffectedPartiesListedConsumer(
    NotificationsDbContext db, ArrivingProjections projections, ILogger<AffectedPartiesListedConsumer> logger)
    : IdempotentConsumer<AffectedPartiesListed, NotificationsDbContext>(db)
{
    protected override async Task HandleAsync(AffectedPartiesListed message, ConsumeContext<AffectedPartiesListed> context)
    {
        if (message.HolderId != InternalHolders.Notifications)
        {
            LogIgnored(logger, message.ImportId, message.HolderId);
            return;
        }

        var parties = message.Parties.Select(p =>
        {
            var has = new HashSet<Purpose>(p.Purposes.Select(code => PurposeCodes.TryParse(code, out var purpose) ? purpose : 0).Where(purpose => purpose != 0));
            return new ArrivingParty(p.PersonId, p.Language, p.DataCategories, has.ToDictionary(purpose => purpose, _ => AffectedParty.HeldByIntake), has);
        }).ToList();
        await projections.StoreAsync(message.IncidentId, message.ImportId, parties, context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "People of import {ImportId} are listed for holder {HolderId}, not notifications; ignored")]
    private static partial void LogIgnored(ILogger logger, Guid importId, Guid holderId);
}
