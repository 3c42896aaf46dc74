namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>
/// A message written in the same transaction as the state change that caused it; the
/// <see cref="OutboxDispatcher{TContext}"/> publishes it afterwards and deletes the row. A row that cannot be
/// published after <see cref="OutboxOptions.MaxAttempts"/> tries is parked (kept, skipped, reported) instead.
/// </summary>
public sealed class OutboxMessage
{
    internal const int LastErrorLength = 1000;

    public long Id { get; set; }

    /// <summary>The bus message id; a republished row keeps it, so inboxes see the duplicate.</summary>
    public Guid MessageId { get; set; }

    public required string MessageType { get; set; }

    /// <summary>JSON of the contract record. Contracts carry ids, counts, codes or ciphertext: never clear personal data.</summary>
    public required string Body { get; set; }

    /// <summary>W3C traceparent of the transaction that wrote the row, so the trace continues to the consumer.</summary>
    public string? TraceParent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Failed publication attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>When the row was set aside as unpublishable; the dispatcher skips parked rows.</summary>
    public DateTimeOffset? ParkedAt { get; set; }

    /// <summary>Why the last attempt failed: exception type and message, never the body.</summary>
    public string? LastError { get; set; }
}
