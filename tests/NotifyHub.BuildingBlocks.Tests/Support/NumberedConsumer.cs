using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;

namespace NotifyHub.BuildingBlocks.Tests.Support;

/// <summary>Records each message as a row (the state change the inbox must keep from happening twice).</summary>
public sealed class NumberedConsumer(TestDbContext db, Received received) : IdempotentConsumer<Numbered, TestDbContext>(db)
{
    protected override Task HandleAsync(Numbered message, ConsumeContext<Numbered> context)
    {
        Db.Tallies.Add(new Tally { Number = message.Number });
        received.Add(message.Number);
        return Task.CompletedTask;
    }
}
