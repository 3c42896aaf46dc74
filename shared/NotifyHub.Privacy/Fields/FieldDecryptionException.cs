namespace NotifyHub.Privacy.Fields;

/// <summary>
/// A ciphertext did not decrypt: it was altered, or it belongs to another record or field.
/// Names the record and field so the bad row can be found; never carries the value.
/// </summary>
public sealed class FieldDecryptionException : Exception
{
    public FieldDecryptionException()
        : base("A field could not be decrypted.")
    {
    }

    public FieldDecryptionException(string message)
        : base(message)
    {
    }

    public FieldDecryptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FieldDecryptionException(Guid recordId, string fieldName, string reason, Exception? innerException = null)
        : base($"Field '{fieldName}' of record {recordId} could not be decrypted: {reason}.", innerException)
    {
        RecordId = recordId;
        FieldName = fieldName;
    }

    public Guid RecordId { get; }

    public string FieldName { get; } = "";
}
