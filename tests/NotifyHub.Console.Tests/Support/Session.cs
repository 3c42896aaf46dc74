using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace NotifyHub.Console.Tests.Support;

/// <summary>One sign-in through the API: its tokens and a client that sends the access token.</summary>
internal sealed class Session : IDisposable
{
    private Session(HttpClient client, string accessToken, string refreshToken)
    {
        Client = client;
        AccessToken = accessToken;
        RefreshToken = refreshToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
    }

    public HttpClient Client { get; }

    public string AccessToken { get; }

    public string RefreshToken { get; }

    public static async Task<Session> SignInAsync(NotifyHubFactory host, string email, string password)
    {
        var client = host.CreateClient();
        var tokens = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password })).ShouldBeOkJsonAsync();
        return new Session(client, tokens.GetProperty("accessToken").GetString()!, tokens.GetProperty("refreshToken").GetString()!);
    }

    /// <summary>The status of <c>GET /api/v1/auth/me</c> with this session's access token.</summary>
    public async Task<HttpStatusCode> MeAsync() =>
        (await Client.GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative))).StatusCode;

    public async Task<HttpResponseMessage> RefreshAsync(string? refreshToken = null)
    {
        using var anonymous = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/auth/refresh", UriKind.Relative))
        {
            Content = JsonContent.Create(new { refreshToken = refreshToken ?? RefreshToken }),
        };
        return await Client.SendAsync(anonymous);
    }

    public static async Task<(string AccessToken, string RefreshToken)> TokensOfAsync(HttpResponseMessage response)
    {
        var tokens = await response.ShouldBeOkJsonAsync();
        return (tokens.GetProperty("accessToken").GetString()!, tokens.GetProperty("refreshToken").GetString()!);
    }

    public static async Task<HttpStatusCode> MeWithAsync(NotifyHubFactory host, string accessToken)
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return (await client.GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative))).StatusCode;
    }

    public void Dispose() => Client.Dispose();

    public override string ToString() => "Session";
}
