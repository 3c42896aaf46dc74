using Microsoft.AspNetCore.Http;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotifyHub.Console.Auth;

/// <summary>
/// Holds back what the bearer handler writes on sign-in, so the login can add fields to its JSON (or drop it when the
/// sign-in fails after all) while the token itself stays exactly what the handler issued.
/// </summary>
internal sealed class TokenResponseCapture : IAsyncDisposable
{
    private readonly HttpContext _http;
    private readonly Stream _original;
    private readonly MemoryStream _buffer = new();
    private bool _done;

    public TokenResponseCapture(HttpContext http)
    {
        _http = http;
        _original = http.Response.Body;
        http.Response.Body = _buffer;
    }

    public async Task CompleteAsync(IReadOnlyDictionary<string, bool> extra)
    {
        Restore();
        if (_buffer.Length == 0)
        {
            return;
        }

        var json = JsonNode.Parse(_buffer.ToArray())!.AsObject();
        foreach (var (name, value) in extra)
        {
            json[name] = JsonValue.Create(value);
        }

        _http.Response.ContentLength = null;
        await _http.Response.WriteAsync(json.ToJsonString(JsonSerializerOptions.Web), _http.RequestAborted);
    }

    public Task DiscardAsync()
    {
        Restore();
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Restore();
        await _buffer.DisposeAsync();
    }

    private void Restore()
    {
        if (!_done)
        {
            _http.Response.Body = _original;
            _done = true;
        }
    }
}
