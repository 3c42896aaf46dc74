using Microsoft.Extensions.Logging;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Letters;
using Renci.SshNet.Common;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace NotifyHub.Notifications.PrintHouses;

/// <summary>
/// Hands one batch to a registered print house: <c>incoming/{batch}.pdf.gpg</c> and <c>{batch}.manifest.csv.gpg</c>
/// (or <c>.p7m</c>), each written under a temporary name and renamed when complete, then <c>{batch}.sha256</c> (the
/// SHA-256 of the encrypted files, <c>sha256sum -c</c> format) LAST: the checksum file is the commit, and a print house
/// takes a batch only once it is there. Names depend only on the batch id, so a hand-over cut short (a crash, a dropped
/// connection) is replaced by the retry, never added beside it; and a batch whose checksum file already exists is not
/// sent again. The clear PDF is wiped from memory once encrypted and nothing kept can decrypt what was sent.
/// </summary>
public sealed partial class PrintHouseHandOver(DropBoxes boxes, ILogger<PrintHouseHandOver> logger)
{
    public static string ChecksumName(Guid batchId) => $"{batchId:N}.sha256";

    public static IReadOnlyList<(string Name, byte[] Content)> Encrypt(PrintHouse house, LetterBatch batch)
    {
        var recipient = BatchRecipients.For(house);
        var pdfName = $"{batch.BatchId:N}.pdf";
        var manifestName = $"{batch.BatchId:N}.manifest.csv";
        var files = new List<(string, byte[])>
        {
            (pdfName + recipient.Extension, recipient.Encrypt(batch.Pdf, pdfName)),
            (manifestName + recipient.Extension, recipient.Encrypt(Encoding.UTF8.GetBytes(batch.ManifestCsv()), manifestName)),
        };
        CryptographicOperations.ZeroMemory(batch.Pdf);
        return files;
    }

    public async Task<SendResult> HandOverAsync(PrintHouse house, Guid batchId, IReadOnlyList<(string Name, byte[] Content)> files,
        CancellationToken ct)
    {
        try
        {
            await using var box = await boxes.OpenAsync(house, ct);
            var checksum = ChecksumName(batchId);
            if (await box.ExistsAsync(DropBoxFolders.Incoming, checksum, ct))
            {
                // Handed over completely before (the worker died before recording it): not a second time.
                return SendResult.Sent($"batch-{batchId:N}");
            }

            var sums = new StringBuilder();
            foreach (var (name, content) in files)
            {
                await box.PutAsync(DropBoxFolders.Incoming, name, content, ct);
                sums.Append(Convert.ToHexStringLower(SHA256.HashData(content))).Append("  ").Append(name).Append('\n');
            }

            await box.PutAsync(DropBoxFolders.Incoming, checksum, Encoding.ASCII.GetBytes(sums.ToString()), ct);
            LogHandedOver(logger, batchId, house.Id, files.Sum(f => f.Content.Length));
            return SendResult.Sent($"batch-{batchId:N}");
        }
        catch (DropBoxException e)
        {
            LogFailed(logger, batchId, house.Id, e.Code);
            return SendResult.Retryable(e.Code, e.Message);
        }
        catch (Exception e) when (e is SshException or SocketException or IOException or TimeoutException or ProxyException)
        {
            LogFailed(logger, batchId, house.Id, e.GetType().Name);
            return SendResult.Retryable("print_house_unreachable", e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Letter batch {BatchId} handed to print house {PrintHouseId} ({Bytes} encrypted bytes)")]
    private static partial void LogHandedOver(ILogger logger, Guid batchId, Guid printHouseId, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Letter batch {BatchId} not handed to print house {PrintHouseId}: {Reason}; retried after its lease")]
    private static partial void LogFailed(ILogger logger, Guid batchId, Guid printHouseId, string reason);
}
