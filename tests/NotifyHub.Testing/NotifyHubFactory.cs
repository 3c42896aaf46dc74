using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace NotifyHub.Testing;

/// <summary>
/// The whole host in process on the embedded defaults (SQLite files in a temporary data directory, in-memory bus),
/// with a bootstrap admin. Extra settings override any default, e.g. <c>NotifyHub:Modules:0</c>.
/// </summary>
public class NotifyHubFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@notifyhub.test";
    public const string AdminPassword = "Admin-Passw0rd!Test";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _ownsDataDirectory;

    /// <param name="services">Replaces services after the host's own registrations (e.g. a manual <see cref="TimeProvider"/>).</param>
    public NotifyHubFactory(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        // A data directory given in the settings outlives this host (a restart test starts another on it); the
        // caller deletes it. Otherwise each host has its own, deleted when it is disposed.
        string? given = null;
        _ownsDataDirectory = settings?.TryGetValue("NotifyHub:DataDirectory", out given) != true;
        DataDirectory = given ?? Path.Combine(Path.GetTempPath(), "notifyhub-tests", Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>
        {
            ["NotifyHub:DataDirectory"] = DataDirectory,
            ["NotifyHub:Bootstrap:AdminEmail"] = AdminEmail,
            ["NotifyHub:Bootstrap:AdminPassword"] = AdminPassword,
            // Tests sign in as admins and privacy officers without an authenticator, and fail sign-ins on purpose;
            // the tests of these rules turn them back on.
            ["NotifyHub:Security:RequireTwoFactor"] = "false",
            ["NotifyHub:Security:SignInFailuresPerAddress"] = "1000",
            ["NotifyHub:Security:SignInFailuresPerAccount"] = "1000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDataDirectory)
        {
            DeleteDataDirectory(DataDirectory);
        }
    }

    /// <summary>
    /// A few tries: a SQLite connection closing as the pools are cleared may still add or remove its journal while
    /// the folder is being emptied. A folder still filling after five tries fails the test: something went on
    /// writing long after the host stopped.
    /// </summary>
    public static void DeleteDataDirectory(string directory)
    {
        for (var attempt = 1; Directory.Exists(directory); attempt++)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(200 * attempt);
            }
        }
    }
}
