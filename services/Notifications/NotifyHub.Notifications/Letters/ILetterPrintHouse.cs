using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Letters;

/// <summary>Hands an encrypted batch to the mail house; the default (<see cref="FileLetterPrintHouse"/>) writes files.</summary>
public interface ILetterPrintHouse
{
    /// <summary>Submitting the same batch id again replaces the earlier submission, so a retry prints nothing twice.</summary>
    Task<SendResult> SubmitAsync(EncryptedLetterBatch batch, CancellationToken cancellationToken = default);
}
