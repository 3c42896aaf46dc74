using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NotifyHub.BuildingBlocks.Hosting;
using RabbitMQ.Client;

namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>
/// Runs before the bus starts: MassTransit would otherwise retry an unreachable broker forever while the host looks
/// alive. Waits up to <see cref="BusOptions.StartupTimeout"/> (a broker starting beside us gets that long), then
/// stops the host with one line naming the setting.
/// </summary>
public sealed class BrokerReachableCheck(Uri broker, TimeSpan timeout, TimeProvider clock, ILogger<BrokerReachableCheck> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "notifyhub-startup-check" };
        var started = clock.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await factory.CreateConnectionAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (e is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException)
            {
                if (clock.GetElapsedTime(started) >= timeout)
                {
                    throw new StartupCheckException(
                        $"ConnectionStrings:RabbitMq: cannot reach RabbitMQ at {broker.Host}:{broker.Port} after {timeout.TotalSeconds:0} s " +
                        $"({Reason(e)}). Start the broker, fix the address, or set NotifyHub:Bus:Transport=InMemory for one process.");
                }

                logger.LogWarning("RabbitMQ at {Host}:{Port} is not reachable yet (attempt {Attempt}); retrying", broker.Host, broker.Port, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Reason(Exception e)
    {
        while (e.InnerException is not null && e is RabbitMQ.Client.Exceptions.BrokerUnreachableException or AggregateException)
        {
            e = e.InnerException;
        }

        return e.Message;
    }
}
