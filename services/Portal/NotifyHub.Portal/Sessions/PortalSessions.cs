using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.Portal.Database;
using System.Security.Cryptography;
using System.Text;

namespace NotifyHub.Portal.Sessions;

/// <summary>
/// Verified sessions: a random token handed to the visitor (API header or page cookie), its SHA-256 kept here,
/// bound to the one person who answered, for <see cref="PortalOptions.SessionLifetime"/>.
/// </summary>
public sealed class PortalSessions(RequestPortalDb request, SessionWriter writer, IOptions<PortalOptions> options, TimeProvider clock)
{
    public const string Scheme = "Portal";
    /// <summary>The __Host- prefix makes browsers insist on Secure, Path=/ and no Domain: no subdomain can set or read it.</summary>
    public const string CookieName = "__Host-portal-session";

    /// <summary>Starts a session, committed (with others started at the same moment) before it returns the token and expiry.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)> StartAsync(Guid personId, Guid incidentId, CancellationToken ct)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var expiresAt = now + options.Value.SessionLifetime;
        await writer.WriteAsync(new PortalSession
        {
            TokenHash = Hash(token), PersonId = personId, IncidentId = incidentId, CreatedAt = now, ExpiresAt = expiresAt,
        }, ct);
        return (token, expiresAt);
    }

    /// <summary>The live session the request carries (<c>Authorization: Portal …</c>, else the page cookie), or null.</summary>
    public async Task<PortalSession?> FindAsync(HttpContext context, CancellationToken ct)
    {
        var token = TokenOf(context);
        if (token is null || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow();
        return await request.Context.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.TokenHash == hash && s.ExpiresAt > now, ct);
    }

    public Task<int> EndAsync(string token, CancellationToken ct)
    {
        var hash = Hash(token);
        return request.Context.Sessions.Where(s => s.TokenHash == hash).ExecuteDeleteAsync(ct);
    }

    public Task<int> PruneAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return request.Context.Sessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }

    public static string? TokenOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase))
        {
            return header[(Scheme.Length + 1)..].Trim();
        }

        return context.Request.Cookies.TryGetValue(CookieName, out var cookie) ? cookie : null;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
