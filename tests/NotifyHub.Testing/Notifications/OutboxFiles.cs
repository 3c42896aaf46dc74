using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NotifyHub.Notifications.Delivery;
using System.Text;

namespace NotifyHub.Testing.Notifications;

/// <summary>
/// Reads back what the file outboxes wrote under <c>{DataDirectory}/outbox</c>, decrypting each file as whoever picks
/// them up would (the files are encrypted at rest). Needs a running host on that data directory for its key store.
/// </summary>
public static class OutboxFiles
{
    /// <summary>Every email, as the MIME message the SMTP server would have received.</summary>
    public static async Task<List<MimeMessage>> EmailsAsync(IServiceProvider services, string dataDirectory)
    {
        var messages = new List<MimeMessage>();
        foreach (var plain in await ReadAsync(services, dataDirectory, "email", ".eml", OutboxFileCipher.EmailPart))
        {
            using var stream = new MemoryStream(plain);
            messages.Add(await MimeMessage.LoadAsync(stream));
        }

        return messages;
    }

    /// <summary>Every SMS file's JSON (<c>to</c>, <c>body</c>, <c>segments</c>…).</summary>
    public static async Task<List<string>> SmsAsync(IServiceProvider services, string dataDirectory) =>
        [.. (await ReadAsync(services, dataDirectory, "sms", ".json", OutboxFileCipher.SmsPart)).Select(b => Encoding.UTF8.GetString(b))];

    /// <summary>Subject, text and HTML of an email: where a test looks for a name or a reference code.</summary>
    public static string Text(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return (message.TextBody ?? "") + (message.HtmlBody ?? "") + message.Subject;
    }

    private static async Task<List<byte[]>> ReadAsync(IServiceProvider services, string dataDirectory, string channel, string extension, string part)
    {
        var folder = Path.Combine(dataDirectory, "outbox", channel);
        var files = new List<byte[]>();
        if (!Directory.Exists(folder))
        {
            return files;
        }

        var cipher = services.GetRequiredService<OutboxFileCipher>();
        var suffix = extension + OutboxFileCipher.Suffix;
        foreach (var file in Directory.GetFiles(folder, "*" + suffix).Order(StringComparer.Ordinal))
        {
            var notificationId = Guid.Parse(Path.GetFileName(file)[..^suffix.Length]);
            files.Add(await cipher.DecryptAsync(notificationId, part, await File.ReadAllBytesAsync(file)));
        }

        return files;
    }
}
