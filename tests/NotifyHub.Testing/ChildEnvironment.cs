using System.Diagnostics;

namespace NotifyHub.Testing;

/// <summary>
/// A <c>notifyhub</c> process started by a test gets exactly the settings the test gives it: application settings
/// inherited from the test runner's environment (log levels, environment name, NotifyHub settings) are removed first,
/// so a test sees the defaults an operator would.
/// </summary>
internal static class ChildEnvironment
{
    private static readonly string[] InheritedPrefixes = ["Logging__", "ASPNETCORE_", "DOTNET_ENVIRONMENT", "DOTNET_Logging__", "NotifyHub__", "ConnectionStrings__", "Urls"];

    public static void Apply(ProcessStartInfo start, IEnumerable<KeyValuePair<string, string>> settings)
    {
        foreach (var key in start.Environment.Keys.Where(k => InheritedPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
    }
}
