namespace NotifyHub.Intake.Imports;

/// <summary>An interrupted import's spool cannot be resumed; the message is the import's failure reason.</summary>
public sealed class ImportSpoolUnavailableException : Exception
{
    public ImportSpoolUnavailableException()
    {
    }

    public ImportSpoolUnavailableException(string message)
        : base(message)
    {
    }

    public ImportSpoolUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
