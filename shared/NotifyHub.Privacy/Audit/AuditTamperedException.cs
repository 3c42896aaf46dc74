namespace NotifyHub.Privacy.Audit;

/// <summary>The audit log disagrees with its checkpoints; the message is one line for the operator.</summary>
public sealed class AuditTamperedException : Exception
{
    public AuditTamperedException()
        : base("The audit log was tampered with.")
    {
    }

    public AuditTamperedException(string message)
        : base(message)
    {
    }

    public AuditTamperedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
