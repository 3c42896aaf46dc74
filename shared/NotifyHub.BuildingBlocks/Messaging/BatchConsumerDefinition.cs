using MassTransit;

namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>
/// Delivers <typeparamref name="TConsumer"/>'s messages in batches of up to <see cref="MessageLimit"/>, or what has
/// arrived <see cref="TimeLimit"/> after the first, with <see cref="BatchesInFlight"/> batches at a time: for
/// projections fed by a stream of small events, where a transaction per message costs more than the work.
/// </summary>
public class BatchConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    public const int MessageLimit = 100;
    public const int BatchesInFlight = 2;
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(200);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        consumerConfigurator.Options<BatchOptions>(batch => batch.SetMessageLimit(MessageLimit).SetTimeLimit(TimeLimit)
            .SetConcurrencyLimit(BatchesInFlight));
        // The bus gives every endpoint a concurrent message limit far below a batch (BusOptions); a batch is only
        // filled if that many messages can be waiting in it at once.
        endpointConfigurator.ConcurrentMessageLimit = MessageLimit * BatchesInFlight;
        endpointConfigurator.PrefetchCount = Math.Max(endpointConfigurator.PrefetchCount, MessageLimit * BatchesInFlight);
    }
}
