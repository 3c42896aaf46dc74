using System.Security.Cryptography;

namespace NotifyHub.Console.Bootstrap;

/// <summary>A random password that meets the password policy and survives being copied from a terminal.</summary>
internal static class OneTimePassword
{
    // No 0/O, 1/l/I: it is read off a screen.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>Four groups of six (about 140 bits); the dashes satisfy the non-alphanumeric rule.</summary>
    public static string Generate()
    {
        while (true)
        {
            var groups = Enumerable.Range(0, 4).Select(_ => new string(RandomNumberGenerator.GetItems(Alphabet.AsSpan(), 6)));
            var password = string.Join('-', groups);
            if (password.Any(char.IsUpper) && password.Any(char.IsLower) && password.Any(char.IsDigit))
            {
                return password;
            }
        }
    }
}
