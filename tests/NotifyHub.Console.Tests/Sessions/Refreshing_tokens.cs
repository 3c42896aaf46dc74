using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Tests.Support;
using NotifyHub.Privacy;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;

namespace NotifyHub.Console.Tests.Sessions;

public sealed class Refreshing_tokens(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task A_refresh_gives_new_tokens_and_retires_the_old_access_token()
    {
        var account = await StaffAccounts.CreateAsync(host, Roles.Auditor);
        using var session = await Session.SignInAsync(host, account.Email, account.Password);

        var (access, refresh) = await Session.TokensOfAsync(await session.RefreshAsync());

        refresh.ShouldNotBe(session.RefreshToken);
        (await Session.MeWithAsync(host, access)).ShouldBe(HttpStatusCode.OK);
        (await session.MeAsync()).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_reused_refresh_token_gets_401_ends_its_newer_tokens_too_and_is_audited()
    {
        var account = await StaffAccounts.CreateAsync(host, Roles.PrivacyOfficer);
        using var session = await Session.SignInAsync(host, account.Email, account.Password);
        var (access, refresh) = await Session.TokensOfAsync(await session.RefreshAsync());

        await (await session.RefreshAsync(session.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");

        (await session.RefreshAsync(refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Session.MeWithAsync(host, access)).ShouldBe(HttpStatusCode.Unauthorized);
        await using var scope = host.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<PrivacyDbContext>();
        (await audit.AuditEntries.CountAsync(e => e.ActorUserId == account.Id && e.Action == "auth.refresh_reuse")).ShouldBe(1);
    }

    [Fact]
    public async Task A_refresh_token_is_not_an_access_token_nor_the_reverse()
    {
        var account = await StaffAccounts.CreateAsync(host, Roles.Auditor);
        using var session = await Session.SignInAsync(host, account.Email, account.Password);

        (await Session.MeWithAsync(host, session.RefreshToken)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await session.RefreshAsync(session.AccessToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        (await session.RefreshAsync()).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_answers_tell_caches_not_to_store_them()
    {
        var account = await StaffAccounts.CreateAsync(host, Roles.Auditor);
        using var client = host.CreateClient();

        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password });
        var tokens = await login.ShouldBeOkJsonAsync();
        var refresh = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });

        refresh.StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var response in new[] { login, refresh })
        {
            response.Headers.CacheControl?.NoStore.ShouldBeTrue();
            response.Headers.Pragma.ToString().ShouldBe("no-cache");
        }
    }
}
