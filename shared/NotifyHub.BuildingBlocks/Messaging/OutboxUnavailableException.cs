namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>No row of a batch could be sent while the bus was down: the batch is retried whole, no row charged.</summary>
public sealed class OutboxUnavailableException : Exception
{
    public OutboxUnavailableException()
    {
    }

    public OutboxUnavailableException(string message) : base(message)
    {
    }

    public OutboxUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public OutboxUnavailableException(Exception innerException)
        : base("The bus is not healthy; no outbox row could be sent.", innerException)
    {
    }
}
