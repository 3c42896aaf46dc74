namespace NotifyHub.Console.Auth;

internal static class TwoFactorCodes
{
    /// <summary>Authenticator apps show codes as "123 456"; people type them with spaces or dashes.</summary>
    public static string Normalize(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
