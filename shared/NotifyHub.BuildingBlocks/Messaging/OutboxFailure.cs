namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>Why one outbox row could not be published this time.</summary>
internal abstract record OutboxFailure(Exception Exception)
{
    /// <summary>The reason stored on the row: exception type and message, cut to the column's length.</summary>
    public string Describe()
    {
        var text = $"{Kind}: {Exception.GetType().Name}: {Exception.Message}";
        return text.Length <= OutboxMessage.LastErrorLength ? text : text[..OutboxMessage.LastErrorLength];
    }

    protected abstract string Kind { get; }
}

/// <summary>The row's type is unknown or its body does not deserialise: it will never publish.</summary>
internal sealed record OutboxReadFailure(Exception Exception) : OutboxFailure(Exception)
{
    protected override string Kind => "read";
}

/// <summary>The bus refused the message (serialisation, size, routing): poison if the bus is otherwise up.</summary>
internal sealed record OutboxSendFailure(Exception Exception) : OutboxFailure(Exception)
{
    protected override string Kind => "send";
}
