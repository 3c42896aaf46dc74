using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts;
using NotifyHub.Contracts.Intake;
using NotifyHub.Notifications.Campaigns;
using NotifyHub.Notifications.Database;

namespace NotifyHub.Notifications.Parties;

/// <summary>
/// Keeps the latest projection of each person per purpose (as ciphertext), then enrols the batch's people in the
/// incident's launched campaigns: a person imported after launch is notified by the running campaign.
/// </summary>
public sealed partial class AffectedPartiesProjectedConsumer(
    NotificationsDbContext db, CampaignEnrolment enrolment, TimeProvider clock, ILogger<AffectedPartiesProjectedConsumer> logger)
    : IdempotentConsumer<AffectedPartiesProjected, NotificationsDbContext>(db)
{
    protected override async Task HandleAsync(AffectedPartiesProjected message, ConsumeContext<AffectedPartiesProjected> context)
    {
        var ct = context.CancellationToken;
        if (message.HolderId != InternalHolders.Notifications || !PurposeCodes.TryParse(message.Purpose, out var purpose))
        {
            LogIgnored(logger, message.ImportId, message.Purpose);
            return;
        }

        var ids = message.Parties.Select(p => p.PersonId).ToList();
        var existing = await Db.AffectedParties
            .Where(p => p.IncidentId == message.IncidentId && p.Purpose == purpose && ids.Contains(p.PersonId))
            .ToDictionaryAsync(p => p.PersonId, ct);
        var now = clock.GetUtcNow();
        foreach (var party in message.Parties)
        {
            if (!existing.TryGetValue(party.PersonId, out var row))
            {
                row = new AffectedParty { IncidentId = message.IncidentId, PersonId = party.PersonId, Purpose = purpose, Projection = party.Projection };
                Db.AffectedParties.Add(row);
                existing[party.PersonId] = row;
            }

            row.Projection = party.Projection;
            row.Language = party.Language;
            row.DataCategories = [.. party.DataCategories];
            row.ImportId = message.ImportId;
            row.ReceivedAt = now;
        }

        await RemovedChannels.ForgetAsync(Db, message.IncidentId, message.Parties, ct);
        await Db.SaveChangesAsync(ct);
        await enrolment.EnrolLateArrivalsAsync(message.IncidentId, purpose, message.Parties, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projections of import {ImportId} for purpose {Purpose} are not for notifications; ignored")]
    private static partial void LogIgnored(ILogger logger, Guid importId, string purpose);
}
