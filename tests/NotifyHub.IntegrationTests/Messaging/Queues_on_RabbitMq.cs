using NotifyHub.Testing;

namespace NotifyHub.IntegrationTests.Messaging;

public sealed class Queues_on_RabbitMq
{
    [Fact]
    public async Task Consumer_queues_are_quorum_queues_named_after_their_module()
    {
        await using var cluster = await ServiceCluster.StartAsync("console", "regulator", "notifications");

        var listing = await RabbitMqVirtualHost.CtlAsync($"list_queues -p {cluster.Broker.Name} --quiet --no-table-headers name type");

        listing.ShouldContain("regulator-incident-opened\tquorum");
        listing.ShouldContain("notifications-incident-opened\tquorum");
    }
}
