using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MimeKit.Cryptography;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Email;
using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Testing;
using Org.BouncyCastle.Crypto;
using System.Security.Cryptography;

namespace NotifyHub.Notifications.Tests.Email;

/// <summary>
/// DKIM as a receiving server checks it: the messages the real test SMTP server stored are verified with MimeKit's
/// <see cref="DkimVerifier"/> against the public key published the way DNS would (<c>selector._domainkey.domain</c>).
/// </summary>
public sealed class Dkim_signatures_verify_at_the_receiving_end : IDisposable
{
    private readonly string _keyFile = Path.GetTempFileName();
    private readonly RSA _key = RSA.Create(2048);

    public Dkim_signatures_verify_at_the_receiving_end() => File.WriteAllText(_keyFile, _key.ExportRSAPrivateKeyPem());

    [Fact]
    public async Task A_verifier_with_the_published_key_accepts_each_message_and_rejects_a_tampered_one()
    {
        var marker = $"run{Guid.NewGuid():N}.test";
        var settings = NotificationsApp.SmtpSettings(marker);
        settings["NotifyHub:Email:Dkim:PrivateKeyPath"] = _keyFile;
        settings["NotifyHub:Email:Dkim:Domain"] = marker;
        settings["NotifyHub:Email:Dkim:Selector"] = "notices2026";
        await using var app = await NotificationsApp.StartAsync(settings);
        var sender = app.Factory.Services.GetRequiredService<IEmailSender>();
        string[] subjects = ["Your data and what to do", "Vos données : que faire", "お客様の情報について"];
        foreach (var (subject, i) in subjects.Select((s, i) => (s, i)))
        {
            var message = new EmailMessage(Guid.NewGuid(), Privacy.Fields.Sensitive.Of($"person{i}@{marker}"), null, subject,
                $"<p>{subject}</p><p>Référence ・ 照会番号 AB-{i}</p>", $"{subject}\nRéférence ・ 照会番号 AB-{i}");
            (await sender.SendAsync(message, () => { })).Outcome.ShouldBe(SendOutcome.Sent);
        }

        List<(string Path, MimeMessage Message)> received = [];
        await Eventually.TrueAsync(() => Task.FromResult((received = [.. SmtpMaildir.MessagesWith(marker)]).Count >= 3), TimeSpan.FromSeconds(10));
        var verifier = new DkimVerifier(new PublishedKeys($"notices2026._domainkey.{marker}", PublishedRecord()));
        foreach (var (_, message) in received)
        {
            var signature = message.Headers[message.Headers.IndexOf(HeaderId.DkimSignature)];
            signature.Value.ShouldContain($"d={marker}");
            (await verifier.VerifyAsync(message, signature)).ShouldBeTrue($"DKIM of '{message.Subject}'");
        }

        var tampered = received[0].Message;
        tampered.Subject += " (altered in transit)";
        (await verifier.VerifyAsync(tampered, tampered.Headers[tampered.Headers.IndexOf(HeaderId.DkimSignature)])).ShouldBeFalse();
    }

    public void Dispose()
    {
        _key.Dispose();
        File.Delete(_keyFile);
    }

    /// <summary>The TXT record a domain owner publishes: the public key as SubjectPublicKeyInfo, base64.</summary>
    private string PublishedRecord() => $"v=DKIM1; k=rsa; p={Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo())}";

    /// <summary>DNS for one name: what the verifier would resolve for the signature's <c>s=</c> and <c>d=</c>.</summary>
    private sealed class PublishedKeys(string name, string record) : DkimPublicKeyLocatorBase
    {
        public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            $"{selector}._domainkey.{domain}" == name ? GetPublicKey(record) : throw new KeyNotFoundException($"no TXT record at {selector}._domainkey.{domain}");

        public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
    }
}
