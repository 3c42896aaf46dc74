using Microsoft.Extensions.Options;

namespace NotifyHub.Notifications.Sms;

/// <summary>Checked at start, so a half-configured Twilio account stops the host with one line instead of failing every send.</summary>
public sealed class SmsOptionsValidator : IValidateOptions<SmsOptions>
{
    public ValidateOptionsResult Validate(string? name, SmsOptions options)
    {
        var twilio = options.Twilio;
        if (!twilio.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(twilio.AuthToken))
        {
            failures.Add("NotifyHub:Sms:Twilio:AuthToken is required when AccountSid is set.");
        }

        if (string.IsNullOrWhiteSpace(twilio.MessagingServiceSid) && string.IsNullOrWhiteSpace(twilio.From))
        {
            failures.Add("NotifyHub:Sms:Twilio needs MessagingServiceSid or From when AccountSid is set.");
        }

        if (!twilio.BaseUrl.IsAbsoluteUri)
        {
            failures.Add("NotifyHub:Sms:Twilio:BaseUrl must be an absolute URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
