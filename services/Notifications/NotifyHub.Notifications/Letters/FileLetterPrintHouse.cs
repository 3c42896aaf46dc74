using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Configuration;
using NotifyHub.BuildingBlocks.Hosting;
using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Letters;

/// <summary>
/// The embedded default: <c>{DataDirectory}/outbox/letters/{batch}.pdf.enc</c> and <c>{batch}.manifest.csv.enc</c>,
/// the manifest written last so a batch with a manifest is complete.
/// </summary>
public sealed class FileLetterPrintHouse(IOptions<NotifyHubOptions> hub) : ILetterPrintHouse
{
    public string Folder { get; } = Path.Combine(hub.Value.FullDataDirectory, "outbox", "letters");

    public async Task<SendResult> SubmitAsync(EncryptedLetterBatch batch, CancellationToken cancellationToken = default)
    {
        try
        {
            PrivateDataDirectory.CreateFolder(Folder);
            await WriteAsync(Path.Combine(Folder, $"{batch.BatchId:N}.pdf.enc"), batch.Pdf, cancellationToken);
            await WriteAsync(Path.Combine(Folder, $"{batch.BatchId:N}.manifest.csv.enc"), batch.Manifest, cancellationToken);
            return SendResult.Sent($"batch-{batch.BatchId:N}");
        }
        catch (IOException e)
        {
            return SendResult.Retryable("file", e.GetType().Name);
        }
    }

    private static async Task WriteAsync(string path, byte[] bytes, CancellationToken ct)
    {
        await using (var file = new FileStream(path + ".partial", PrivateDataDirectory.NewFile()))
        {
            await file.WriteAsync(bytes, ct);
        }

        File.Move(path + ".partial", path, overwrite: true);
    }
}
