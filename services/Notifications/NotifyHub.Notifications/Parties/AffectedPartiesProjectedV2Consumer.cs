using MassTransit;
using Microsoft.Extensions.Logging;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts;
using NotifyHub.Contracts.Intake;
using NotifyHub.Notifications.Database;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Notifications.Parties;

/// <summary>A committed import batch's projections, each person once with every purpose they have (see <see cref="ArrivingProjections"/>).</summary>
public sealed partial class AffectedPartiesProjectedV2Consumer(
    NotificationsDbContext db, ArrivingProjections projections, ILogger<AffectedPartiesProjectedV2Consumer> logger)
    : IdempotentConsumer<AffectedPartiesProjectedV2, NotificationsDbContext>(db)
{
    protected override async Task HandleAsync(AffectedPartiesProjectedV2 message, ConsumeContext<AffectedPartiesProjectedV2> context)
    {
        if (message.HolderId != InternalHolders.Notifications)
        {
            LogIgnored(logger, message.ImportId, message.HolderId);
            return;
        }

        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var parties = message.Parties.Select(p =>
        {
            var byPurpose = ByPurpose(p.Projections, unknown);
            return new ArrivingParty(p.PersonId, p.Language, p.DataCategories, byPurpose, new HashSet<Purpose>(byPurpose.Keys));
        }).ToList();
        if (unknown.Count > 0)
        {
            LogUnknownPurposes(logger, message.ImportId, string.Join(", ", unknown));
        }

        await projections.StoreAsync(message.IncidentId, message.ImportId, parties, context.CancellationToken);
    }

    /// <summary>The projections by purpose; a purpose this service does not hold is left out (and noted in <paramref name="unknown"/>).</summary>
    private static Dictionary<Purpose, byte[]> ByPurpose(IReadOnlyDictionary<string, byte[]> projections, SortedSet<string> unknown)
    {
        var byPurpose = new Dictionary<Purpose, byte[]>(projections.Count);
        foreach (var (code, projection) in projections)
        {
            if (PurposeCodes.TryParse(code, out var purpose))
            {
                byPurpose[purpose] = projection;
            }
            else
            {
                unknown.Add(code);
            }
        }

        return byPurpose;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projections of import {ImportId} are for holder {HolderId}, not notifications; ignored")]
    private static partial void LogIgnored(ILogger logger, Guid importId, Guid holderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projections of import {ImportId} for purposes {Purposes}, which notifications does not hold, were ignored")]
    private static partial void LogUnknownPurposes(ILogger logger, Guid importId, string purposes);
}
