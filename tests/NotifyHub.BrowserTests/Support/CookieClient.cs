using System.Net;
using System.Text.RegularExpressions;

namespace NotifyHub.BrowserTests.Support;

/// <summary>A plain HTTP client with a cookie jar, signed in through the sign-in form (token and all), redirects not followed.</summary>
public static partial class CookieClient
{
    public static async Task<HttpClient> CreateAsync(Uri baseAddress, string? email = null, string? password = null)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = baseAddress };
        if (email is null)
        {
            return client;
        }

        var form = await client.GetStringAsync(new Uri("/console/sign-in", UriKind.Relative));
        var response = await client.PostAsync(new Uri("/console/sign-in", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["Email"] = email,
                ["Password"] = password!,
                ["__RequestVerificationToken"] = Token(form),
            }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in as {email} was refused");
        return client;
    }

    public static string Token(string html) => TokenPattern().Match(html) is { Success: true } m
        ? m.Groups[1].Value
        : throw new InvalidOperationException("No antiforgery token in the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
