using System.Diagnostics;

namespace NotifyHub.Notifications.Tests.Support;

/// <summary>Reads a PDF back with poppler's <c>pdftotext</c> (Debian poppler-utils), the way a reader's viewer sees the text.</summary>
public static class PdfText
{
    public static async Task<string> ExtractAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"notifyhub-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("pdftotext did not start (install poppler-utils)");
            var text = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? text : throw new InvalidOperationException($"pdftotext failed: {error}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
