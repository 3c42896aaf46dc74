using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.BuildingBlocks.Tests.Support;
using System.Diagnostics.Metrics;

namespace NotifyHub.BuildingBlocks.Tests.Messaging;

public sealed class A_poison_outbox_row
{
    [Fact]
    public async Task Is_parked_and_the_next_thousand_messages_of_its_module_are_delivered()
    {
        await using var host = await MessagingHost.StartAsync();
        await host.WriteRawRowAsync("NotifyHub.Nowhere.Vanished, NotifyHub.Nowhere", "{}");
        for (var i = 0; i < 10; i++)
        {
            await host.WriteToOutboxAsync([.. Enumerable.Range(i * 100, 100).Select(n => new Numbered(n))]);
        }

        await host.DrainOutboxAsync();
        await host.Received.WhenCountAsync(1_000);

        host.Received.Numbers.Order().ShouldBe(Enumerable.Range(0, 1_000));
        var left = await host.QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        var parked = left.ShouldHaveSingleItem();
        parked.ParkedAt.ShouldBe(host.Clock.GetUtcNow());
        parked.Attempts.ShouldBe(5);
        parked.LastError.ShouldNotBeNull().ShouldStartWith("read: FileNotFoundException");
    }

    [Fact]
    public async Task That_does_not_deserialise_is_parked_with_the_reason()
    {
        await using var host = await MessagingHost.StartAsync(outbox: o => o.MaxAttempts = 2);
        await host.WriteRawRowAsync(typeof(Numbered).AssemblyQualifiedName!, "{\"number\": \"not a number\"");
        await host.WriteToOutboxAsync(new Numbered(7));

        await host.DrainOutboxAsync();
        await host.Received.WhenCountAsync(1);

        var parked = (await host.QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync())).ShouldHaveSingleItem();
        parked.Attempts.ShouldBe(2);
        parked.LastError.ShouldNotBeNull().ShouldStartWith("read: JsonException");
    }

    [Fact]
    public async Task That_the_bus_refuses_is_parked_while_the_rows_beside_it_go_out()
    {
        await using var host = await MessagingHost.StartAsync(outbox: o => o.MaxAttempts = 3);
        await host.WriteToOutboxAsync(new Numbered(1));
        // Reads back fine, but MassTransit refuses to publish a type of the System namespace.
        await host.WriteRawRowAsync(typeof(Uri).AssemblyQualifiedName!, "\"https://example.org/\"");
        await host.WriteToOutboxAsync(new Numbered(3));

        await host.DrainOutboxAsync();
        await host.Received.WhenCountAsync(2);

        host.Received.Numbers.Order().ShouldBe([1, 3]);
        var parked = (await host.QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync())).ShouldHaveSingleItem();
        parked.MessageType.ShouldStartWith(typeof(Uri).FullName!);
        parked.Attempts.ShouldBe(3);
        parked.LastError.ShouldNotBeNull().ShouldStartWith("send: ");
    }

    [Fact]
    public async Task Is_tried_again_until_the_limit_before_it_is_parked()
    {
        await using var host = await MessagingHost.StartAsync(outbox: o => o.MaxAttempts = 3);
        await host.WriteRawRowAsync("NotifyHub.Nowhere.Vanished, NotifyHub.Nowhere", "{}");

        await host.Dispatcher.DispatchBatchAsync(10, CancellationToken.None);
        await host.Dispatcher.DispatchBatchAsync(10, CancellationToken.None);

        var row = (await host.QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync())).ShouldHaveSingleItem();
        row.Attempts.ShouldBe(2);
        row.ParkedAt.ShouldBeNull();
        (await host.CheckParkedRowsAsync()).Status.ShouldBe(HealthStatus.Healthy);
    }

    [Fact]
    public async Task Turns_the_readiness_check_degraded_and_counts_in_the_parked_metric()
    {
        long parkedMeasured = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OutboxMetrics.MeterName && instrument.Name == "notifyhub.outbox.parked")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (tags.ToArray().Any(t => t.Key == "context" && (string?)t.Value == nameof(TestDbContext)))
            {
                Interlocked.Add(ref parkedMeasured, value);
            }
        });
        listener.Start();
        await using var host = await MessagingHost.StartAsync(outbox: o => o.MaxAttempts = 1);
        await host.WriteRawRowAsync("NotifyHub.Nowhere.Vanished, NotifyHub.Nowhere", "{}");

        await host.DrainOutboxAsync();

        var health = await host.CheckParkedRowsAsync();
        health.Status.ShouldBe(HealthStatus.Degraded);
        health.Description.ShouldNotBeNull().ShouldContain("1 outbox row(s) parked");
        Interlocked.Read(ref parkedMeasured).ShouldBe(1);
    }

    [Fact]
    public async Task Is_published_again_once_someone_clears_its_parked_mark()
    {
        await using var host = await MessagingHost.StartAsync(outbox: o => o.MaxAttempts = 1);
        await host.WriteRawRowAsync(typeof(Numbered).AssemblyQualifiedName!, "{\"number\": 41");
        await host.DrainOutboxAsync();

        // The operator's fix: repair the body, clear parked_at.
        await host.QueryAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Body, "{\"number\": 41}").SetProperty(m => m.ParkedAt, (DateTimeOffset?)null)));
        await host.DrainOutboxAsync();
        await host.Received.WhenCountAsync(1);

        host.Received.Numbers.ShouldBe([41]);
        (await host.QueryAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(0);
    }
}
