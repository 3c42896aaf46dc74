using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Contracts;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// Encrypts what the file outboxes write (an email's MIME message, an SMS as JSON) like letter batches: one
/// <see cref="FieldCipher"/> envelope under the notifications service's holder key, bound to the notification id and
/// the part, so the embedded default never leaves a victim's name, address or reference code readable on disk.
/// Whoever picks the files up (an operator, the tests) decrypts them with <see cref="DecryptAsync"/>.
/// </summary>
public sealed class OutboxFileCipher(IServiceScopeFactory scopes)
{
    public const string EmailPart = "outbox:email.eml";
    public const string SmsPart = "outbox:sms.json";

    /// <summary>File name suffix of an encrypted outbox file, after <c>.eml</c> or <c>.json</c>.</summary>
    public const string Suffix = ".enc";

    public async Task<byte[]> EncryptAsync(Guid notificationId, string part, ReadOnlyMemory<byte> plaintext, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<KeyStore>();
        var key = await keys.GetCurrentAsync(InternalHolders.Notifications, KeyKind.Vendor, cancellationToken);
        return FieldCipher.Encrypt(key, notificationId, part, plaintext.Span).ToArray();
    }

    public async Task<byte[]> DecryptAsync(Guid notificationId, string part, byte[] file, CancellationToken cancellationToken = default)
    {
        var field = EncryptedField.FromBytes(file);
        var keyId = field.KeyId ?? throw new FieldDecryptionException(notificationId, part, "the file is not a NotifyHub envelope");
        await using var scope = scopes.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<KeyStore>().GetAsync(keyId, cancellationToken);
        return FieldCipher.Decrypt(key, field, notificationId, part);
    }
}
