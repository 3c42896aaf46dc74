using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Keys;

namespace NotifyHub.Privacy.Tests.Support;

/// <summary>
/// The privacy services as a host wires them, over SQLite: in memory (one open connection) or
/// in a file, so that several hosts can share one database like several processes would.
/// </summary>
internal sealed class PrivacyTestHost : IAsyncDisposable
{
    public const string RootKeyA = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    public const string RootKeyB = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

    private readonly SqliteConnection _connection;
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private PrivacyTestHost(SqliteConnection connection, ServiceProvider services, RecordingEventPublisher events, FakeTimeProvider clock, string dataDirectory)
    {
        DataDirectory = dataDirectory;
        _connection = connection;
        _services = services;
        _scope = services.CreateAsyncScope();
        Events = events;
        Clock = clock;
    }

    public RecordingEventPublisher Events { get; }

    public FakeTimeProvider Clock { get; }

    public SqliteConnection Connection => _connection;

    /// <summary>This host's own data directory (the audit checkpoint file lives under it).</summary>
    public string DataDirectory { get; }

    public static Task<PrivacyTestHost> StartAsync(Action<PrivacyOptions>? configure = null) =>
        StartAsync("Data Source=:memory:", configure);

    /// <param name="connectionPerScope">Each scope opens its own connection, as the host's do (concurrent scopes);
    /// otherwise every scope shares the host's one connection (an in-memory database lives only as long as it).</param>
    /// <param name="interceptor">Sees every command the host's contexts run (a test steps in between two of them).</param>
    public static async Task<PrivacyTestHost> StartAsync(
        string connectionString, Action<PrivacyOptions>? configure = null, bool connectionPerScope = false, IInterceptor? interceptor = null)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var events = new RecordingEventPublisher();
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"notifyhub-privacy-{Guid.NewGuid():N}");
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IPrivacyEventPublisher>(events)
            .AddDbContext<PrivacyDbContext>(options =>
            {
                if (connectionPerScope)
                {
                    options.UseSqlite(connectionString);
                }
                else
                {
                    options.UseSqlite(connection);
                }

                if (interceptor is not null)
                {
                    options.AddInterceptors(interceptor);
                }
            })
            .AddNotifyHubPrivacy(options =>
            {
                options.Keys.RootKey = RootKeyA;
                options.Keys.DataDirectory = dataDirectory;
                options.KeyService.MaxRecordsPerWindow = 3;
                configure?.Invoke(options);
            })
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var host = new PrivacyTestHost(connection, services, events, clock, dataDirectory);
        await host.Get<PrivacyDbContext>().Database.EnsureCreatedAsync();
        return host;
    }

    /// <summary>A service from the host's long-lived scope.</summary>
    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A fresh scope: its own DbContext, like another request.</summary>
    public AsyncServiceScope NewScope() => _services.CreateAsyncScope();

    /// <summary>
    /// Services over the same database and root key but sharing nothing in memory with this
    /// host: what another process (or a thief with the root key) would have.
    /// </summary>
    public (KeyStore Keys, PrivacyDbContext Db) Stranger(IRootKeyProvider? root = null)
    {
        var db = new PrivacyDbContext(new DbContextOptionsBuilder<PrivacyDbContext>().UseSqlite(_connection).Options);
        var ring = root ?? new LocalKeyRing(new LocalKeyRingOptions { RootKey = RootKeyA });
        return (new KeyStore(db, ring, new DataKeyCache(Clock, TimeSpan.FromMinutes(1)), Clock), db);
    }

    public async Task<int> ExecuteSqlAsync(string sql)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        await _connection.DisposeAsync();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
