using MimeKit;
using System.Text;

namespace NotifyHub.Testing;

/// <summary>
/// The messages the real test SMTP server delivered into its Maildir (<c>new/</c>). Tests share the server, so each
/// reads only the files carrying its own marker (a unique domain in From/To, hence in the Message-ID).
/// </summary>
public static class SmtpMaildir
{
    public static string NewFolder => Path.Combine(TestServers.SmtpMaildir, "new");

    /// <summary>Paths of the delivered files whose raw text contains <paramref name="marker"/> (cheap; no MIME parse).</summary>
    public static IReadOnlyList<string> FilesWith(string marker)
    {
        var needle = Encoding.ASCII.GetBytes(marker);
        return [.. Directory.EnumerateFiles(NewFolder).Where(f => Contains(f, needle))];
    }

    public static IReadOnlyList<(string Path, MimeMessage Message)> MessagesWith(string marker) =>
        [.. FilesWith(marker).Select(f => (f, MimeMessage.Load(f)))];

    private static bool Contains(string path, byte[] needle)
    {
        try
        {
            // Headers come first and are small: the marker is in From/To/Message-ID.
            using var stream = File.OpenRead(path);
            var buffer = new byte[Math.Min(stream.Length, 8192)];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return buffer.AsSpan(0, read).IndexOf(needle) >= 0;
        }
        catch (FileNotFoundException)
        {
            return false; // moved to cur/ by someone else meanwhile
        }
    }
}
