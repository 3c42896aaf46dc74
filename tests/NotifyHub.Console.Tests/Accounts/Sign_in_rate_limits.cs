using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Auth;
using NotifyHub.Console.Tests.Support;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;

namespace NotifyHub.Console.Tests.Accounts;

public sealed class Sign_in_rate_limits
{
    [Fact]
    public async Task The_eleventh_failed_sign_in_from_one_address_within_a_minute_gets_429_with_Retry_After()
    {
        await using var host = AccountsHost.Create();
        using var client = host.CreateClient();
        for (var i = 0; i < 10; i++)
        {
            // A different email each time: only the address limit applies.
            await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = $"spray-{i}@notifyhub.test", password = "Guess-Passw0rd-1" }))
                .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        var eleventh = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = NotifyHubFactory.AdminEmail, password = NotifyHubFactory.AdminPassword });

        await eleventh.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        var retryAfter = int.Parse(eleventh.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 60);
    }

    [Fact]
    public async Task The_sixth_failure_for_one_account_gets_429_whether_or_not_the_account_exists()
    {
        await using var host = AccountsHost.Create();
        var account = await StaffAccounts.CreateAsync(host, Roles.Auditor);
        using var client = host.CreateClient();

        foreach (var email in new[] { account.Email, "nobody-at-all@notifyhub.test" })
        {
            for (var i = 0; i < 5; i++)
            {
                await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = $"Guess-Passw0rd-{i}" });
            }

            await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Guess-Passw0rd-6" }))
                .ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        }
    }

    [Fact]
    public async Task Failures_are_counted_in_the_database_so_a_second_instance_sees_them()
    {
        var data = Path.Combine(Path.GetTempPath(), "notifyhub-tests", Guid.NewGuid().ToString("N"));
        try
        {
            // A long window: two hosts start slowly on a busy machine, and the count must not expire meanwhile.
            await using var first = AccountsHost.Create(data, window: TimeSpan.FromMinutes(30));
            await using var second = AccountsHost.Create(data, window: TimeSpan.FromMinutes(30));
            using var one = first.CreateClient();
            using var two = second.CreateClient();
            for (var i = 0; i < 10; i++)
            {
                await (i % 2 == 0 ? one : two).PostAsJsonAsync("/api/v1/auth/login",
                    new { email = $"spread-{i}@notifyhub.test", password = "Guess-Passw0rd-1" });
            }

            await (await two.PostAsJsonAsync("/api/v1/auth/login", new { email = "spread-x@notifyhub.test", password = "Guess-Passw0rd-1" }))
                .ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
            await (await one.PostAsJsonAsync("/api/v1/auth/login", new { email = "spread-y@notifyhub.test", password = "Guess-Passw0rd-1" }))
                .ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        }
        finally
        {
            NotifyHubFactory.DeleteDataDirectory(data);
        }
    }

    [Fact]
    public void The_defaults_are_ten_per_address_and_five_per_account_per_minute_with_two_factor_required()
    {
        var defaults = new AccountSecurityOptions();

        defaults.SignInFailuresPerAddress.ShouldBe(10);
        defaults.SignInFailuresPerAccount.ShouldBe(5);
        defaults.SignInWindow.ShouldBe(TimeSpan.FromMinutes(1));
        defaults.RequireTwoFactor.ShouldBeTrue();
    }
}
