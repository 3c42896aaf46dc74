using MassTransit;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Notifications;
using NotifyHub.Regulator.Database;

namespace NotifyHub.Regulator.Letters;

/// <summary>
/// Keeps the latest version of each notice template's fingerprint per language; the inbox makes a redelivery a no-op,
/// and an older version arriving late is ignored. Warnings are computed on read, with the obligations.
/// </summary>
public sealed class NoticeTemplateAddedConsumer(RegulatorDbContext db) : IdempotentConsumer<NoticeTemplateAdded, RegulatorDbContext>(db)
{
    protected override async Task HandleAsync(NoticeTemplateAdded message, ConsumeContext<NoticeTemplateAdded> context)
    {
        var ct = context.CancellationToken;
        var same = await Db.NoticeTemplates
            .Where(t => t.IncidentId == message.IncidentId && t.Series == message.Series && t.Language == message.Language)
            .ToListAsync(ct);
        if (same.Any(t => t.Version >= message.Version))
        {
            return;
        }

        Db.NoticeTemplates.RemoveRange(same);
        Db.NoticeTemplates.Add(new NoticeTemplate
        {
            TemplateId = message.TemplateId,
            Language = message.Language,
            IncidentId = message.IncidentId,
            Series = message.Series,
            Version = message.Version,
            Channel = message.Channel,
            Numbers = [.. message.Numbers],
            PeopleCounts = [.. message.PeopleCounts],
            WordHashes = [.. message.WordHashes],
            AddedAt = message.AddedAt,
        });
        await Db.SaveChangesAsync(ct);
    }
}
