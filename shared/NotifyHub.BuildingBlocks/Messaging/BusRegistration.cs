using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NotifyHub.BuildingBlocks.Messaging;

public static class BusRegistration
{
    /// <summary>
    /// MassTransit on the configured transport with every module's consumers: retries with backoff, then the
    /// endpoint's <c>_error</c> queue; quorum queues and publisher confirms on RabbitMQ.
    /// </summary>
    public static IServiceCollection AddNotifyHubBus(this IServiceCollection services, IConfiguration configuration,
        IEnumerable<Action<IBusRegistrationConfigurator>> consumers)
    {
        var options = configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        if (options.Transport == BusTransport.RabbitMq && configuration.GetConnectionString("RabbitMq") is { } broker)
        {
            // Registered before MassTransit's hosted service, so it runs first.
            services.AddHostedService(sp => new BrokerReachableCheck(new Uri(broker), options.StartupTimeout,
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<BrokerReachableCheck>>()));
        }

        services.AddMassTransit(bus =>
        {
            // MassTransit reports usage to its vendor by default: no unplanned egress from a breach-handling system.
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new ModuleEndpointNameFormatter());
            foreach (var add in consumers)
            {
                add(bus);
            }

            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                endpoint.UseMessageRetry(r => r.Exponential(options.RetryLimit, options.RetryMinInterval,
                    options.RetryMaxInterval, TimeSpan.FromMilliseconds(100)));
                endpoint.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                }
            });

            if (options.Transport == BusTransport.RabbitMq)
            {
                var uri = configuration.GetConnectionString("RabbitMq")
                    ?? throw new InvalidOperationException(
                        "NotifyHub:Bus:Transport is RabbitMq but ConnectionStrings:RabbitMq is not set.");
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(uri), h => h.PublisherConfirmation = true);
                    // The bus's own endpoint (where request responses arrive: notifications asks intake for
                    // projections) starts with the bus, not on the first request: started on demand, it could be
                    // starting while the host stops, and stopping it then threw.
                    cfg.AutoStart = true;
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.AutoStart = true;
                    // The outbox keeps what it publishes until the bus has handled it: see InMemoryHandOff.
                    cfg.ConnectReceiveObserver(context.GetRequiredService<InMemoryHandOff>());
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        if (options.Transport != BusTransport.RabbitMq)
        {
            services.AddSingleton<InMemoryHandOff>();
        }

        return services;
    }
}
