using MassTransit;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// Four <see cref="DeliverNotifications"/> batches at a time per worker, with as many more prefetched: while some
/// wait for an SMTP reply or a commit, others render and send on the other pooled connections.
/// </summary>
public sealed class DeliverNotificationsConsumerDefinition : ConsumerDefinition<DeliverNotificationsConsumer>
{
    private const int BatchesInFlight = 4;

    public DeliverNotificationsConsumerDefinition() => Endpoint(e => e.PrefetchCount = BatchesInFlight * 2);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<DeliverNotificationsConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.ConcurrentMessageLimit = BatchesInFlight;
}
