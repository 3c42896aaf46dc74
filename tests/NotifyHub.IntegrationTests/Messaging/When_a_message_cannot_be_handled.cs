using MassTransit;
using NotifyHub.Contracts.Intake;
using NotifyHub.Testing;

namespace NotifyHub.IntegrationTests.Messaging;

/// <summary>A poison message is retried with backoff, then parked in the endpoint's error queue where an operator sees it.</summary>
public sealed class When_a_message_cannot_be_handled
{
    [Fact]
    public async Task It_ends_in_the_error_queue_after_retries_and_the_endpoint_keeps_working()
    {
        await using var cluster = await ServiceCluster.StartAsync("console", "regulator");
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new Uri(cluster.Broker.ConnectionString)));
        await bus.StartAsync();
        try
        {
            // A title longer than the column allows fails in the database on every attempt.
            await bus.Publish(Incident(new string('x', 500)));
            await bus.Publish(Incident("A good one"));

            await Eventually.TrueAsync(async () => await cluster.Broker.MessageCountAsync("regulator-incident-opened_error") == 1,
                TimeSpan.FromSeconds(90));
            await Eventually.TrueAsync(async () => await cluster.Database.ScalarAsync("SELECT count(*) FROM regulator.incidents") == 1,
                TimeSpan.FromSeconds(30));
            (await cluster.Broker.QueuesAsync()).ShouldContain("regulator-incident-opened");
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    private static IncidentOpened Incident(string title) =>
        new(Guid.NewGuid(), title, "", TimeProvider.System.GetUtcNow(), "other", ["name"], ["FR"], TimeProvider.System.GetUtcNow());
}
