using System.Security.Cryptography;
using System.Text;

namespace NotifyHub.Testing.FakeTwilio;

/// <summary>
/// Twilio's X-Twilio-Signature as its documentation describes it, written independently of the service's verifier so
/// a mistake in one is not mirrored in the other: Base64(HMAC-SHA1(auth token, full URL + each POST key and value,
/// keys sorted)).
/// </summary>
public static class FakeTwilioSignature
{
    public static string Sign(string authToken, string url, IReadOnlyDictionary<string, string> form)
    {
        var data = new StringBuilder(url);
        foreach (var key in form.Keys.Order(StringComparer.Ordinal))
        {
            data.Append(key).Append(form[key]);
        }

        // SHA-1 because that is what Twilio signs with.
#pragma warning disable CA5350
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }
}
