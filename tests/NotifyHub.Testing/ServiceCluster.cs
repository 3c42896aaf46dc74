using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace NotifyHub.Testing;

/// <summary>
/// Several real <c>notifyhub</c> processes, one module each, on a fresh RabbitMQ virtual host and a fresh
/// PostgreSQL database — the way NotifyHub runs at scale. The console module is started first: it issues tokens.
/// </summary>
public sealed class ServiceCluster : IAsyncDisposable
{
    private readonly Dictionary<string, HostProcess> _hosts = [];
    private readonly IReadOnlyDictionary<string, string> _environment;

    private ServiceCluster(PostgresDatabase database, RabbitMqVirtualHost broker, string dataDirectory, IReadOnlyDictionary<string, string> environment)
    {
        _environment = environment;
        Database = database;
        Broker = broker;
        DataDirectory = dataDirectory;
    }

    public PostgresDatabase Database { get; }

    public RabbitMqVirtualHost Broker { get; }

    public string DataDirectory { get; }

    public HostProcess this[string module] => _hosts[module];

    public IEnumerable<HostProcess> Hosts => _hosts.Values;

    public static Task<ServiceCluster> StartAsync(params string[] modules) => StartAsync(new Dictionary<string, string>(), modules);

    /// <param name="environment">Extra settings for every host (e.g. <c>NotifyHub__Email__Smtp__Host</c>).</param>
    public static async Task<ServiceCluster> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] modules)
    {
        var database = await PostgresDatabase.CreateAsync();
        var broker = await RabbitMqVirtualHost.CreateAsync();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "notifyhub-cluster", Guid.NewGuid().ToString("N"));
        // Private, as the host requires of its data directory.
        NotifyHub.BuildingBlocks.Hosting.PrivateDataDirectory.CreateFolder(dataDirectory);
        var cluster = new ServiceCluster(database, broker, dataDirectory, environment);
        try
        {
            await cluster.Add("console").StartAsync();
            await Task.WhenAll(modules.Where(m => m != "console").Select(m => cluster.Add(m).StartAsync()));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of <paramref name="module"/> carrying the bootstrap admin's bearer token.</summary>
    /// <summary>
    /// The same settings as the cluster's hosts, for an in-process <see cref="NotifyHubFactory"/> on the same broker,
    /// database and data directory (e.g. to publish what another module would, with the real key store).
    /// </summary>
    public Dictionary<string, string?> InProcessSettings(string module) => new()
    {
        ["NotifyHub:Modules:0"] = module,
        ["NotifyHub:Bus:Transport"] = "RabbitMq",
        ["ConnectionStrings:RabbitMq"] = Broker.ConnectionString,
        ["NotifyHub:Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:NotifyHub"] = Database.ConnectionString,
        ["NotifyHub:DataDirectory"] = DataDirectory,
    };

    public Task<HttpClient> AdminClientAsync(string module) =>
        ClientAsync(module, NotifyHubFactory.AdminEmail, NotifyHubFactory.AdminPassword);

    /// <summary>
    /// A client of <paramref name="module"/> for a new privacy officer, created by the bootstrap admin through the
    /// staff API: incidents, imports and campaigns are a privacy officer's, not an admin's.
    /// </summary>
    public async Task<HttpClient> PrivacyOfficerClientAsync(string module) =>
        await ClientAsync(module, await CreatePrivacyOfficerAsync(), StaffAccounts.Password);

    /// <summary>Creates a privacy officer with password <see cref="StaffAccounts.Password"/>; returns its email.</summary>
    public async Task<string> CreatePrivacyOfficerAsync()
    {
        using var admin = await AdminClientAsync("console");
        var email = $"po-{Guid.NewGuid():N}@notifyhub.test";
        (await admin.PostAsJsonAsync("api/v1/staff", new { email, password = StaffAccounts.Password, roles = new[] { "PrivacyOfficer" } }))
            .EnsureSuccessStatusCode();
        return email;
    }

    private async Task<HttpClient> ClientAsync(string module, string email, string password)
    {
        using var console = _hosts["console"].CreateClient();
        var response = await console.PostAsJsonAsync("api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        var client = _hosts[module].CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.Values)
        {
            await host.DisposeAsync();
        }

        await Broker.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private HostProcess Add(string module)
    {
        var host = new HostProcess(module, new Dictionary<string, string>
        {
            ["NotifyHub__Modules__0"] = module,
            ["NotifyHub__Bus__Transport"] = "RabbitMq",
            ["ConnectionStrings__RabbitMq"] = Broker.ConnectionString,
            ["NotifyHub__Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__NotifyHub"] = Database.ConnectionString,
            ["NotifyHub__DataDirectory"] = DataDirectory,
            ["NotifyHub__Bootstrap__AdminEmail"] = NotifyHubFactory.AdminEmail,
            ["NotifyHub__Bootstrap__AdminPassword"] = NotifyHubFactory.AdminPassword,
        }.Concat(_environment).ToDictionary());
        _hosts[module] = host;
        return host;
    }

    private sealed record TokenResponse(string AccessToken, long ExpiresIn, string RefreshToken);
}
