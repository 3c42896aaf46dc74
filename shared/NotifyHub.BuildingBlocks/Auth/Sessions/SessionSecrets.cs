using System.Security.Cryptography;
using System.Text;

namespace NotifyHub.BuildingBlocks.Auth.Sessions;

/// <summary>
/// Session keys and refresh tokens: 256 random bits, base64url. Only their SHA-256 is stored; a hash of a
/// 256-bit random value needs no salt or slow hashing to be useless to whoever reads the table.
/// </summary>
internal static class SessionSecrets
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
