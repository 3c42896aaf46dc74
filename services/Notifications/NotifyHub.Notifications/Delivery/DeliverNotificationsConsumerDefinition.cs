using MassTransit;
using Microsoft.Extensions.Options;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// <see cref="DeliverNotification"/> is consumed in batches of <c>NotifyHub:Notifications:DeliveryBatchSize</c>
/// (or whatever arrived within 50 ms), four batches at a time: while some wait for an SMTP reply or a commit,
/// others render and send on the other pooled connections.
/// </summary>
public sealed class DeliverNotificationsConsumerDefinition : ConsumerDefinition<DeliverNotificationsConsumer>
{
    private const int BatchesInFlight = 4;
    private readonly int _batchSize;

    public DeliverNotificationsConsumerDefinition(IOptions<NotificationsOptions> options)
    {
        _batchSize = options.Value.DeliveryBatchSize;
        Endpoint(e => e.PrefetchCount = _batchSize * BatchesInFlight);
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<DeliverNotificationsConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // Above the bus-wide per-endpoint limit, or a batch could never fill.
        endpointConfigurator.ConcurrentMessageLimit = _batchSize * BatchesInFlight;
        consumerConfigurator.Options<BatchOptions>(o => o
            .SetMessageLimit(_batchSize)
            .SetTimeLimit(TimeSpan.FromMilliseconds(50))
            .SetConcurrencyLimit(BatchesInFlight));
    }
}
