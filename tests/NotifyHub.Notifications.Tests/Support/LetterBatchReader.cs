using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Notifications.Letters;
using System.Text;

namespace NotifyHub.Notifications.Tests.Support;

/// <summary>Decrypts every letter batch under <c>outbox/letters</c> as the print house would and reads the PDF back with <c>pdftotext</c>.</summary>
public static class LetterBatchReader
{
    public sealed record ReadBatch(Guid BatchId, string Text, string Manifest, byte[] Pdf);

    public static async Task<List<ReadBatch>> ReadAllAsync(NotificationsApp app)
    {
        var folder = Path.Combine(app.Outbox, "letters");
        var batches = new List<ReadBatch>();
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var cipher = scope.ServiceProvider.GetRequiredService<LetterBatchCipher>();
        foreach (var file in Directory.GetFiles(folder, "*.pdf.enc"))
        {
            var batchId = Guid.Parse(Path.GetFileName(file).Split('.')[0]);
            var pdf = await cipher.DecryptAsync(batchId, LetterBatchCipher.PdfPart, await File.ReadAllBytesAsync(file));
            var manifest = Encoding.UTF8.GetString(await cipher.DecryptAsync(batchId, LetterBatchCipher.ManifestPart,
                await File.ReadAllBytesAsync(Path.Combine(folder, $"{batchId:N}.manifest.csv.enc"))));
            batches.Add(new ReadBatch(batchId, await PdfText.ExtractAsync(pdf), manifest, pdf));
        }

        return batches;
    }
}
