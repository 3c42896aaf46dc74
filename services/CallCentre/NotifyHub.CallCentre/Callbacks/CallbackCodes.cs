using System.Security.Cryptography;
using System.Text;

namespace NotifyHub.CallCentre.Callbacks;

/// <summary>
/// One-time callback codes: eight symbols the agent reads out when calling back, which the person can check on the
/// portal. No confusable letters (no I, L, O, U), so they read well over the phone.
/// </summary>
public static class CallbackCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New() =>
        $"{RandomNumberGenerator.GetString(Alphabet, 4)}-{RandomNumberGenerator.GetString(Alphabet, 4)}";

    /// <summary>SHA-256 of the code in upper case without dashes or spaces: what the portal compares.</summary>
    public static byte[] Hash(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var normalized = code.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return SHA256.HashData(Encoding.UTF8.GetBytes(normalized));
    }
}
