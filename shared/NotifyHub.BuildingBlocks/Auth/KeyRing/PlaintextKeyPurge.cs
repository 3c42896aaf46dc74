using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NotifyHub.BuildingBlocks.Platform;
using System.Xml;
using System.Xml.Linq;

namespace NotifyHub.BuildingBlocks.Auth.KeyRing;

/// <summary>
/// Deletes, at start, every Data Protection key an older NotifyHub stored in clear. Such a key lets whoever read
/// the database sign tokens until it expires; encrypting it now would not undo the copies already taken. Tokens
/// made with it stop working and their holders sign in again; a new, encrypted key replaces it on first use.
/// Runs after the migrations (hosted services start in registration order) and before the host takes traffic.
/// </summary>
internal sealed partial class PlaintextKeyPurge(IServiceScopeFactory scopes, ILogger<PlaintextKeyPurge> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var exposed = (await db.DataProtectionKeys.ToListAsync(cancellationToken)).Where(k => HoldsClearKey(k.Xml)).ToList();
        if (exposed.Count == 0)
        {
            return;
        }

        db.DataProtectionKeys.RemoveRange(exposed);
        await db.SaveChangesAsync(cancellationToken);
        LogPurged(logger, exposed.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A key element whose <c>masterKey</c> is still there: encryption replaces that element.</summary>
    internal static bool HoldsClearKey(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            return false;
        }

        try
        {
            return XElement.Parse(xml).Descendants().Any(e => e.Name.LocalName == "masterKey");
        }
        catch (XmlException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Deleted {Count} Data Protection key(s) stored unencrypted by an earlier version; tokens signed with them are no longer accepted")]
    private static partial void LogPurged(ILogger logger, int count);
}
