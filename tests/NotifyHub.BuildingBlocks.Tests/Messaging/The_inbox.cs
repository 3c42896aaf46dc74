using MassTransit;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Tests.Support;

namespace NotifyHub.BuildingBlocks.Tests.Messaging;

public sealed class The_inbox
{
    [Fact]
    public async Task Absorbs_a_redelivered_message()
    {
        await using var host = await MessagingHost.StartAsync(ordered: true);
        var id = Guid.NewGuid();

        await host.Bus.Publish(new Numbered(1), c => c.MessageId = id);
        await host.Received.WhenCountAsync(1);
        await host.Bus.Publish(new Numbered(1), c => c.MessageId = id);
        await host.Bus.Publish(new Numbered(2));
        await host.Received.WhenCountAsync(2);
        await InboxCountAsync(host, 2);

        // In order: message 2 arriving means the redelivery before it was handled, and absorbed.
        (await host.QueryAsync(db => db.Tallies.CountAsync(t => t.Number == 1))).ShouldBe(1);
        (await host.QueryAsync(db => db.InboxMessages.CountAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task Stamps_each_handled_id_with_the_injected_clock()
    {
        await using var host = await MessagingHost.StartAsync();

        await host.Bus.Publish(new Numbered(1));
        await host.Received.WhenCountAsync(1);
        await InboxCountAsync(host, 1);

        (await host.QueryAsync(db => db.InboxMessages.SingleAsync())).ProcessedAt.ShouldBe(host.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Forgets_ids_older_than_fourteen_days_by_default_and_keeps_the_rest()
    {
        await using var host = await MessagingHost.StartAsync();
        // Handled is not yet stamped: wait for the inbox row itself before moving the clock, or it is stamped later.
        Task InboxHoldsAsync(int count) => InboxCountAsync(host, count);
        await host.Bus.Publish(new Numbered(1));
        await host.Received.WhenCountAsync(1);
        await InboxHoldsAsync(1);
        host.Clock.Advance(TimeSpan.FromDays(13));
        await host.Bus.Publish(new Numbered(2));
        await host.Received.WhenCountAsync(2);
        await InboxHoldsAsync(2);

        (await host.InboxCleanup.DeleteExpiredAsync(CancellationToken.None)).ShouldBe(0);
        host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        // Advancing the clock also fires the host's own hourly sweep, which may get there first: count what is left.
        await host.InboxCleanup.DeleteExpiredAsync(CancellationToken.None);

        var kept = await host.QueryAsync(db => db.InboxMessages.AsNoTracking().ToListAsync());
        kept.ShouldHaveSingleItem().ProcessedAt.ShouldBe(host.Clock.GetUtcNow() - TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Keeps_ids_for_the_configured_window()
    {
        await using var host = await MessagingHost.StartAsync(inbox: o => o.Retention = TimeSpan.FromHours(1));
        await host.Bus.Publish(new Numbered(1));
        await host.Received.WhenCountAsync(1);
        await InboxCountAsync(host, 1);

        host.Clock.Advance(TimeSpan.FromMinutes(59));
        (await host.InboxCleanup.DeleteExpiredAsync(CancellationToken.None)).ShouldBe(0);
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await host.InboxCleanup.DeleteExpiredAsync(CancellationToken.None); // or the host's own sweep, fired by the advance
        (await host.QueryAsync(db => db.InboxMessages.CountAsync())).ShouldBe(0);
    }

    /// <summary>The consumer signals <see cref="Received"/> before its inbox row commits: wait for the row.</summary>
    private static async Task InboxCountAsync(MessagingHost host, int count)
    {
        for (var waited = 0; await host.QueryAsync(db => db.InboxMessages.CountAsync()) != count; waited += 50)
        {
            waited.ShouldBeLessThan(30_000, $"the inbox should hold {count} rows");
            await Task.Delay(50);
        }
    }
}
