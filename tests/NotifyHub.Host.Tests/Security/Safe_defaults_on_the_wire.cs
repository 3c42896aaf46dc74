using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NotifyHub.Host.Tests.Security;

/// <summary>
/// What every deployment gets without configuring anything: security headers, no server banner, no API map in
/// Production, health details for staff only, small JSON bodies, and the address the operator gave.
/// </summary>
public sealed class Safe_defaults_on_the_wire
{
    [Fact]
    public async Task Every_response_carries_the_security_headers_and_api_answers_are_not_cached()
    {
        await using var factory = new NotifyHubFactory();
        using var anonymous = factory.CreateClient();
        using var admin = await StaffAccounts.AdminClientAsync(factory);

        foreach (var response in new[]
        {
            await anonymous.GetAsync(new Uri("/health/live", UriKind.Relative)),
            await anonymous.GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative)),
            await admin.GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative)),
            await admin.GetAsync(new Uri($"/api/v1/incidents/{Guid.NewGuid()}", UriKind.Relative)),
        })
        {
            var headers = response.Headers;
            headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
            headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem().ShouldContain("frame-ancestors 'none'");
            headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
            headers.Contains("Strict-Transport-Security").ShouldBeFalse("HSTS is only sent over HTTPS");
        }

        var me = await admin.GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative));
        me.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task Hsts_is_sent_over_https()
    {
        await using var factory = new NotifyHubFactory();
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        response.Headers.GetValues("Strict-Transport-Security").ShouldHaveSingleItem().ShouldContain("max-age=");
    }

    [Fact]
    public async Task Ready_tells_an_anonymous_caller_the_status_only()
    {
        await using var factory = new NotifyHubFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        JsonDocument.Parse(body).RootElement.GetProperty("status").GetString().ShouldBe("Healthy");
        foreach (var module in new[] { "intake", "notifications", "console", "database", "masstransit" })
        {
            body.ShouldNotContain(module);
        }
    }

    [Fact]
    public async Task A_json_body_over_the_limit_is_refused_with_413_before_it_is_read()
    {
        await using var factory = new NotifyHubFactory(new Dictionary<string, string?> { ["NotifyHub:Http:MaxRequestBodyBytes"] = "65536" });
        using var client = factory.CreateClient();
        using var body = new StringContent($"{{\"email\":\"a@b.example\",\"password\":\"{new string('x', 100_000)}\"}}", Encoding.UTF8, "application/json");

        var response = await client.PostAsync(new Uri("/api/v1/auth/login", UriKind.Relative), body);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("request_too_large");
    }

    /// <summary>
    /// The real binary on Kestrel, in Production (no environment set), given its address the standard way: the
    /// default in the settings no longer hides ASPNETCORE_URLS.
    /// </summary>
    [Fact]
    public async Task The_binary_listens_where_ASPNETCORE_URLS_says_shows_no_server_banner_and_no_OpenAPI_in_Production()
    {
        var data = Path.Combine(Path.GetTempPath(), "notifyhub-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using var host = new HostProcess("host", new Dictionary<string, string>
            {
                ["NotifyHub__DataDirectory"] = data,
                ["NotifyHub__Bootstrap__AdminEmail"] = NotifyHubFactory.AdminEmail,
                ["NotifyHub__Bootstrap__AdminPassword"] = NotifyHubFactory.AdminPassword,
            }, urlsVariable: "ASPNETCORE_URLS");
            await host.StartAsync(TimeSpan.FromMinutes(3));
            using var client = host.CreateClient();

            var live = await client.GetAsync(new Uri("health/live", UriKind.Relative));

            live.StatusCode.ShouldBe(HttpStatusCode.OK);
            live.Headers.Contains("Server").ShouldBeFalse();
            live.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            host.Output.ShouldNotContain("usage telemetry");
            var login = await client.PostAsJsonAsync(new Uri("api/v1/auth/login", UriKind.Relative),
                new { email = NotifyHubFactory.AdminEmail, password = NotifyHubFactory.AdminPassword });
            login.StatusCode.ShouldBe(HttpStatusCode.OK);
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("openapi/v1.json", UriKind.Relative));
            request.Headers.Authorization = new("Bearer", token);
            (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        finally
        {
            NotifyHubFactory.DeleteDataDirectory(data);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_host_refuses_to_start_when_its_data_folder_is_readable_by_others()
    {
        var data = Path.Combine(Path.GetTempPath(), "notifyhub-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        File.SetUnixFileMode(data, (UnixFileMode)0b111_101_101);
        try
        {
            var result = await NotifyHubCli.RunAsync(data, null, new Dictionary<string, string> { ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}" });

            result.ExitCode.ShouldBe(1);
            var line = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem();
            line.ShouldStartWith("notifyhub: cannot start: NotifyHub:DataDirectory");
            line.ShouldContain("mode 0755");
            Directory.GetFileSystemEntries(data).ShouldBeEmpty("nothing is written into a folder others can read");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
