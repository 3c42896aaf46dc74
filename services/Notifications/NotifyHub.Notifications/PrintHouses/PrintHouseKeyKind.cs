using System.Text.Json.Serialization;

namespace NotifyHub.Notifications.PrintHouses;

/// <summary>How batches are encrypted to the print house: what it runs to open them.</summary>
public enum PrintHouseKeyKind
{
    /// <summary>An armored OpenPGP public key; the print house runs <c>gpg --decrypt</c>.</summary>
    [JsonStringEnumMemberName("openpgp")]
    OpenPgp = 1,

    /// <summary>A PEM X.509 certificate (RSA); CMS EnvelopedData, opened with <c>openssl cms -decrypt</c>.</summary>
    [JsonStringEnumMemberName("x509")]
    X509 = 2,
}
