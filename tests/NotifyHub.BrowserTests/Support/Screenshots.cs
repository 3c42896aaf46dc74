using Microsoft.Playwright;

namespace NotifyHub.BrowserTests.Support;

/// <summary>Full-page screenshots in the temp folder (notifyhub-pages/), for a person to look at after a run.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "notifyhub-pages");

    public static async Task<string> SaveScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
