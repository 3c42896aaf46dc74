using MassTransit;
using Microsoft.Extensions.Logging;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts;
using NotifyHub.Contracts.Intake;
using NotifyHub.Notifications.Database;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Notifications.Parties;

/// <summary>
/// The retired message a purpose at a time (intake now sends <see cref="AffectedPartiesProjectedV2"/>), still applied
/// so that messages an older version left in an outbox or a queue are not lost at an upgrade. Each person's
/// <see cref="ProjectedParty.Purposes"/> says which purposes they keep; the channels of this message's purpose are
/// queued for late arrivals, those of the others when their own message arrives.
/// </summary>
public sealed partial class AffectedPartiesProjectedConsumer(
    NotificationsDbContext db, ArrivingProjections projections, ILogger<AffectedPartiesProjectedConsumer> logger)
    : IdempotentConsumer<AffectedPartiesProjected, NotificationsDbContext>(db)
{
    protected override async Task HandleAsync(AffectedPartiesProjected message, ConsumeContext<AffectedPartiesProjected> context)
    {
        if (message.HolderId != InternalHolders.Notifications || !PurposeCodes.TryParse(message.Purpose, out var purpose))
        {
            LogIgnored(logger, message.ImportId, message.Purpose);
            return;
        }

        var parties = message.Parties.Select(p => new ArrivingParty(p.PersonId, p.Language, p.DataCategories,
            new Dictionary<Purpose, byte[]> { [purpose] = p.Projection }, Kept(p.Purposes, purpose))).ToList();
        await projections.StoreAsync(message.IncidentId, message.ImportId, parties, context.CancellationToken);
    }

    private static HashSet<Purpose>? Kept(IReadOnlyList<string>? codes, Purpose arrived)
    {
        if (codes is null)
        {
            return null;
        }

        var kept = new HashSet<Purpose> { arrived };
        foreach (var code in codes)
        {
            if (PurposeCodes.TryParse(code, out var purpose))
            {
                kept.Add(purpose);
            }
        }

        return kept;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projections of import {ImportId} for purpose {Purpose} are not for notifications; ignored")]
    private static partial void LogIgnored(ILogger logger, Guid importId, string purpose);
}
