using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NotifyHub.Console.Bootstrap;
using NotifyHub.Console.Database;
using NotifyHub.Console.Staff;
using NotifyHub.Console.Tests.Support;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NotifyHub.Console.Tests.Bootstrap;

public sealed partial class First_start
{
    [Fact]
    public async Task Creates_the_admin_from_configuration()
    {
        await using var factory = new NotifyHubFactory();
        using var admin = await StaffAccounts.AdminClientAsync(factory);

        var staff = await admin.GetFromJsonAsync<JsonElement>("/api/v1/staff");

        var only = staff.EnumerateArray().ShouldHaveSingleItem();
        only.GetProperty("email").GetString().ShouldBe(NotifyHubFactory.AdminEmail);
        only.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["Admin"]);
    }

    [Fact]
    public async Task Without_a_password_the_server_prints_a_one_time_password_once_and_never_logs_it()
    {
        var data = Path.Combine(Path.GetTempPath(), "notifyhub-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using var server = new HostProcess("console", new Dictionary<string, string>
            {
                ["NotifyHub__Modules__0"] = "console",
                ["NotifyHub__DataDirectory"] = data,
                ["NotifyHub__Bootstrap__AdminEmail"] = "first@notifyhub.test",
            });
            await server.StartAsync();
            await Eventually.TrueAsync(() => Task.FromResult(OneTimePasswordLine().IsMatch(server.Output)), TimeSpan.FromSeconds(10));
            var password = OneTimePasswordLine().Match(server.Output).Groups[1].Value;
            using var client = server.CreateClient();

            var response = await client.PostAsJsonAsync("api/v1/auth/login", new { email = "first@notifyhub.test", password });

            // It signs in, but only to replace the printed password (see Restricted_first_sign_in).
            var tokens = await response.ShouldBeOkJsonAsync();
            tokens.GetProperty("mustChangePassword").GetBoolean().ShouldBeTrue();
            Regex.Count(server.Output, Regex.Escape(password)).ShouldBe(1, "the password appears only in the banner, in no log line");
            server.Output.ShouldContain("created the bootstrap admin");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task With_users_already_there_it_creates_and_prints_nothing()
    {
        await using var factory = new NotifyHubFactory();
        using var output = new StringWriter();
        var bootstrap = new BootstrapAdmin(factory.Services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new BootstrapOptions { AdminEmail = "second@notifyhub.test" }), NullLogger<BootstrapAdmin>.Instance, output);

        await bootstrap.StartAsync(CancellationToken.None);

        output.ToString().ShouldBeEmpty();
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<ConsoleDbContext>().Users.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task On_an_empty_store_it_writes_a_banner_whose_password_signs_in()
    {
        await using var factory = new NotifyHubFactory();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConsoleDbContext>().Users.ExecuteDeleteAsync();
        }

        using var output = new StringWriter();
        var bootstrap = new BootstrapAdmin(factory.Services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new BootstrapOptions()), NullLogger<BootstrapAdmin>.Instance, output);

        await bootstrap.StartAsync(CancellationToken.None);

        var password = OneTimePasswordLine().Match(output.ToString()).Groups[1].Value;
        password.Length.ShouldBeGreaterThanOrEqualTo(StaffIdentity.MinimumPasswordLength);
        output.ToString().ShouldContain("admin@notifyhub.localhost");
        await using var check = factory.Services.CreateAsyncScope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var admin = (await users.FindByEmailAsync("admin@notifyhub.localhost")).ShouldNotBeNull();
        (await users.CheckPasswordAsync(admin, password)).ShouldBeTrue();
        (await users.IsInRoleAsync(admin, "Admin")).ShouldBeTrue();
        admin.MustChangePassword.ShouldBeTrue();
    }

    [Fact]
    public async Task A_password_from_configuration_is_the_operators_to_keep()
    {
        await using var factory = new NotifyHubFactory();
        await using var scope = factory.Services.CreateAsyncScope();

        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(NotifyHubFactory.AdminEmail);

        admin.ShouldNotBeNull().MustChangePassword.ShouldBeFalse();
    }

    [GeneratedRegex(@"one-time password:\s+(\S+)")]
    private static partial Regex OneTimePasswordLine();
}
