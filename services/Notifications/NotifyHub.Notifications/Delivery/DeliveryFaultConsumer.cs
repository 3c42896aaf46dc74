using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotifyHub.Notifications.Database;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// A <see cref="DeliverNotifications"/> batch that failed all its retries (a database or provider outage longer than
/// the bus's backoff) would strand its notifications: still <c>queued</c>, with no message left to send them. They are
/// handed to the scheduler instead, due after <see cref="NotificationsOptions.FailedBatchPause"/>, and published again then; a notification the
/// batch did settle is no longer queued and is left alone.
/// </summary>
public sealed partial class DeliveryFaultConsumer(
    NotificationsDbContext db, IOptions<NotificationsOptions> options, TimeProvider clock, ILogger<DeliveryFaultConsumer> logger)
    : IConsumer<Fault<DeliverNotifications>>
{
    public async Task Consume(ConsumeContext<Fault<DeliverNotifications>> context)
    {
        var ids = context.Message.Message.NotificationIds.Distinct().ToList();
        var pause = options.Value.FailedBatchPause;
        var due = clock.GetUtcNow() + pause;
        var handedBack = await db.Notifications
            .Where(n => ids.Contains(n.Id) && n.Status == DeliveryStatus.Queued && (n.NotBefore == null || n.NotBefore < due))
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.NotBefore, due), context.CancellationToken);
        LogHandedBack(logger, ids.Count, string.Join(", ", context.Message.Exceptions.Select(e => e.ExceptionType)), handedBack, pause);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A delivery batch of {Total} failed all its retries ({Exceptions}); {Count} still queued are due again in {Pause}")]
    private static partial void LogHandedBack(ILogger logger, int total, string exceptions, int count, TimeSpan pause);
}
