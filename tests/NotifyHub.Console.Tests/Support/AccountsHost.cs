using NotifyHub.Testing;

namespace NotifyHub.Console.Tests.Support;

/// <summary>
/// A host with the production sign-in rules back on: second factor required for admins and privacy officers, and the
/// default rate limits (10 failures per address, 5 per account, per minute).
/// </summary>
public static class AccountsHost
{
    public static NotifyHubFactory Create(string? dataDirectory = null, bool requireTwoFactor = true, TimeSpan? window = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["NotifyHub:Security:RequireTwoFactor"] = requireTwoFactor ? "true" : "false",
            ["NotifyHub:Security:SignInFailuresPerAddress"] = "10",
            ["NotifyHub:Security:SignInFailuresPerAccount"] = "5",
        };
        if (window is { } w)
        {
            settings["NotifyHub:Security:SignInWindow"] = w.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (dataDirectory is not null)
        {
            settings["NotifyHub:DataDirectory"] = dataDirectory;
        }

        return new NotifyHubFactory(settings);
    }
}
