using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Tests.Support;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Headers;

namespace NotifyHub.Console.Tests.Sessions;

public sealed class Checking_sessions_in_a_module_alone(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task The_intake_module_alone_accepts_a_live_session_and_refuses_it_once_ended_at_the_console()
    {
        await using var intake = IntakeAlone();
        var officer = await StaffAccounts.CreateAsync(host, Roles.PrivacyOfficer);
        using var session = await Session.SignInAsync(host, officer.Email, officer.Password);
        var incident = new Uri($"/api/v1/incidents/{Guid.NewGuid()}", UriKind.Relative);
        (await GetAsync(intake, incident, session.AccessToken)).ShouldBe(HttpStatusCode.NotFound);

        (await session.Client.PostAsync(new Uri("/api/v1/auth/logout", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await GetAsync(intake, incident, session.AccessToken)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_intake_module_alone_refuses_a_token_minted_for_a_user_who_does_not_exist()
    {
        await using var intake = IntakeAlone();
        var leaked = TokenForgery.BearerFormat(intake.Services.GetRequiredService<IDataProtectionProvider>());

        var forged = TokenForgery.Mint(leaked, Guid.NewGuid(), [Roles.PrivacyOfficer, Roles.Admin]);

        (await GetAsync(intake, new Uri($"/api/v1/incidents/{Guid.NewGuid()}", UriKind.Relative), forged)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// <summary>Intake only, on the console host's databases and root key; no session cache, so no waiting.</summary>
    private NotifyHubFactory IntakeAlone() => new(new Dictionary<string, string?>
    {
        ["NotifyHub:DataDirectory"] = host.DataDirectory,
        ["NotifyHub:Modules:0"] = "intake",
        ["NotifyHub:Sessions:CacheDuration"] = "00:00:00",
    });

    private static async Task<HttpStatusCode> GetAsync(NotifyHubFactory factory, Uri path, string token)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync(path)).StatusCode;
    }
}
