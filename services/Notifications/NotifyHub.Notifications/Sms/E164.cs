using PhoneNumbers;
using System.Diagnostics.CodeAnalysis;

namespace NotifyHub.Notifications.Sms;

/// <summary>E.164 through libphonenumber: a number in international form, or national form with the person's country.</summary>
public static class E164
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static bool TryNormalize(string? number, string? country, [NotNullWhen(true)] out string? e164)
    {
        e164 = null;
        if (string.IsNullOrWhiteSpace(number))
        {
            return false;
        }

        try
        {
            var parsed = Util.Parse(number, string.IsNullOrWhiteSpace(country) ? null : country.ToUpperInvariant());
            if (!Util.IsValidNumber(parsed))
            {
                return false;
            }

            e164 = Util.Format(parsed, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }
}
