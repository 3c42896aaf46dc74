using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Tests.Support;
using NotifyHub.Testing;
using System.Net;

namespace NotifyHub.Console.Tests.Sessions;

/// <summary>The sessions tables of the platform schema on PostgreSQL: sign-in, refresh, reuse and logout.</summary>
public sealed class Sessions_on_PostgreSql : IAsyncLifetime
{
    private PostgresDatabase _database = null!;
    private NotifyHubFactory _host = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _host = new NotifyHubFactory(new Dictionary<string, string?>
        {
            ["NotifyHub:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:NotifyHub"] = _database.ConnectionString,
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_session_refreshes_once_dies_on_reuse_and_a_second_one_ends_at_logout()
    {
        var account = await StaffAccounts.CreateAsync(_host, Roles.Auditor);
        using var first = await Session.SignInAsync(_host, account.Email, account.Password);
        var (access, refresh) = await Session.TokensOfAsync(await first.RefreshAsync());
        (await Session.MeWithAsync(_host, access)).ShouldBe(HttpStatusCode.OK);

        (await first.RefreshAsync(first.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await first.RefreshAsync(refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Session.MeWithAsync(_host, access)).ShouldBe(HttpStatusCode.Unauthorized);

        using var second = await Session.SignInAsync(_host, account.Email, account.Password);
        (await second.MeAsync()).ShouldBe(HttpStatusCode.OK);
        (await second.Client.PostAsync(new Uri("/api/v1/auth/logout", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await second.MeAsync()).ShouldBe(HttpStatusCode.Unauthorized);
        (await _database.ScalarAsync("select count(*) from platform.staff_sessions where revoked_at is not null")).ShouldBe(2);
        (await _database.ScalarAsync("select count(*) from platform.data_protection_keys where \"Xml\" like '%<masterKey%'")).ShouldBe(0);
    }
}
