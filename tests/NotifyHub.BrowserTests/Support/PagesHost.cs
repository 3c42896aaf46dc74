using Microsoft.Playwright;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.BrowserTests.Support;

/// <summary>
/// The whole NotifyHub host on a real loopback port (Kestrel, embedded defaults) and Debian's Chromium driven by
/// Playwright, shared by every page test. Without <c>NOTIFYHUB_TEST_CHROMIUM</c> (set by scripts/test.sh) or the
/// browser it names, every test fails: Playwright is never allowed to download a browser of its own.
/// </summary>
public sealed class PagesHost : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public NotifyHubFactory App { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        var chromium = TestServers.Chromium;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"NOTIFYHUB_TEST_CHROMIUM names {chromium}, which does not exist: install Debian's chromium.");
        }

        var port = FreePort.Next();
        App.UseKestrel(port);
        App.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");

        // Playwright must never fetch a browser: the one on this machine is the one under test.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (no cookies) whose Accept-Language is <paramref name="language"/>.</summary>
    public async Task<IPage> NewPageAsync(string language = "en")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = language,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page, as a person would.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/console/sign-in");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("main button[type=submit]");
    }

    /// <summary>
    /// An API client signed in with a bearer token, over the host's real port (the factory's own client has no
    /// in-memory server once the host runs on Kestrel).
    /// </summary>
    public async Task<HttpClient> ApiClientAsync(string email, string password)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
