using Microsoft.Extensions.Options;
using MimeKit;

namespace NotifyHub.Notifications.Email;

/// <summary>Checked at start: a sender address that does not parse or a half-set DKIM key stops the host with one line.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        if (!MailboxAddress.TryParse(options.Smtp.From, out _))
        {
            failures.Add("NotifyHub:Email:Smtp:From is not an email address (e.g. \"Example <notices@example.com>\").");
        }

        if (options.Smtp.IsConfigured && options.Smtp.Port is < 1 or > 65535)
        {
            failures.Add("NotifyHub:Email:Smtp:Port must be between 1 and 65535.");
        }

        if (options.Smtp.Connections is < 1 or > 32)
        {
            failures.Add("NotifyHub:Email:Smtp:Connections must be between 1 and 32.");
        }

        var dkim = options.Dkim;
        var set = new[] { dkim.PrivateKeyPath, dkim.Domain, dkim.Selector }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (set is > 0 and < 3)
        {
            failures.Add("NotifyHub:Email:Dkim needs PrivateKeyPath, Domain and Selector together.");
        }
        else if (dkim.IsConfigured && !File.Exists(dkim.PrivateKeyPath))
        {
            failures.Add($"NotifyHub:Email:Dkim:PrivateKeyPath {dkim.PrivateKeyPath} does not exist.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
