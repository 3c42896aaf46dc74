using System.Diagnostics;

namespace NotifyHub.Notifications.Tests.Support;

/// <summary>Reads a PDF back with poppler's <c>pdftotext</c> (Debian poppler-utils), the way a reader's viewer sees the text.</summary>
public static class PdfText
{
    public static Task<string> ExtractAsync(byte[] pdf) => RunAsync(pdf, []);

    /// <summary>
    /// What shows through the envelope window of each page (20–105 mm from the left, 45–90 mm from the top; pdftotext
    /// crops in points at its default 72 dpi), as its non-empty lines in order: one list per page.
    /// </summary>
    public static async Task<List<IReadOnlyList<string>>> WindowsAsync(byte[] pdf)
    {
        static string Pt(double mm) => ((int)Math.Round(mm * 72 / 25.4)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = await RunAsync(pdf, ["-x", Pt(20), "-y", Pt(45), "-W", Pt(85), "-H", Pt(45)]);
        return [.. text.Split('\f').SkipLast(1).Select(page => (IReadOnlyList<string>)[.. page.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)])];
    }

    private static async Task<string> RunAsync(byte[] pdf, string[] options)
    {
        var file = Path.Combine(Path.GetTempPath(), $"notifyhub-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [.. options, "-enc", "UTF-8", file, "-"])
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
