namespace NotifyHub.Notifications.Letters;

/// <summary>A batch as it leaves the service: both files encrypted, plus counts (not secret) for logs and progress.</summary>
public sealed record EncryptedLetterBatch(Guid BatchId, byte[] Pdf, byte[] Manifest, int Letters, int Pages);
