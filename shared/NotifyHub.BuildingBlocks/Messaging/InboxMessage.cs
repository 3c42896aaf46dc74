namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>A message id a consumer has handled; its primary key makes a redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public required string Consumer { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}
