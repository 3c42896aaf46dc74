using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts;
using NotifyHub.Contracts.Portal;
using NotifyHub.Portal.Database;
using NotifyHub.Privacy.BlindIndexes;

namespace NotifyHub.Portal.Throttling;

/// <summary>
/// Makes guessing hopeless and noisy: failures are rows in the portal's database (so every instance counts the same),
/// keyed by an HMAC of the client address; a client over its limit gets 429 with the seconds until its window frees
/// up, and a jump in failures across all clients raises one <see cref="PortalAbuseSuspected"/> per window.
/// </summary>
public sealed class PortalThrottle(RequestPortalDb request, BlindIndexer indexer, ClientKeyGate gate, IOptions<PortalOptions> options, TimeProvider clock)
{
    private PortalOptions Options => options.Value;

    private PortalDbContext Db => request.Context;

    /// <summary>
    /// The client address as a keyed HMAC under the portal's own index key (the portal holder's id stands in for an
    /// incident): failures can be counted per address without storing one.
    /// </summary>
    public async Task<byte[]> ClientKeyAsync(HttpContext context, CancellationToken ct)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return await gate.RunAsync(async () =>
            (await indexer.ComputeAsync(InternalHolders.Portal, BlindIndexKind.ExternalId, address, ct)).ToArray(), ct);
    }

    /// <summary>How long the client must wait, or null when it may try again now.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(byte[] clientKey, CancellationToken ct)
    {
        var (since, skip) = ClientWindow();
        var nth = await Db.Failures.AsNoTracking()
            .Where(f => f.ClientKey == clientKey && f.At > since)
            .OrderByDescending(f => f.At).Select(f => (DateTimeOffset?)f.At).Skip(skip).FirstOrDefaultAsync(ct);
        return WaitAfter(nth);
    }

    /// <summary>
    /// What a read of a client's failures needs: the start of its window, and how many of its latest failures to skip
    /// to reach the one that decides (the limit's). The status check reads it inside its lookup.
    /// </summary>
    public (DateTimeOffset Since, int Skip) ClientWindow() => (clock.GetUtcNow() - Options.ClientWindow, Options.MaxFailuresPerClient - 1);

    /// <summary>
    /// The wait, given the client's latest failure but (limit − 1) within the window: none below the limit; else until
    /// that failure leaves the window, when the client is back under it.
    /// </summary>
    public TimeSpan? WaitAfter(DateTimeOffset? nthRecentFailure)
    {
        if (nthRecentFailure is not { } oldest)
        {
            return null;
        }

        var wait = oldest + Options.ClientWindow - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
    }

    /// <summary>Counts a failure (saved with the caller's other changes) and checks the global alarm.</summary>
    public async Task RecordFailureAsync(byte[] clientKey, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Db.Failures.Add(new PortalFailure { ClientKey = clientKey, At = now });
        var since = now - Options.GlobalWindow;
        var failures = await Db.Failures.CountAsync(f => f.At > since, ct) + 1;
        if (failures >= Options.GlobalAlarmThreshold && !await Db.Alarms.AnyAsync(a => a.At > since, ct))
        {
            Db.Alarms.Add(new PortalAlarm { At = now, Failures = failures });
            Db.Publish(new PortalAbuseSuspected(failures, Options.GlobalAlarmThreshold, Options.GlobalWindow, now));
        }
    }

    /// <summary>Drops failures no window looks at any more, so the table stays small.</summary>
    public Task<int> PruneAsync(CancellationToken ct)
    {
        var keep = new[] { Options.ClientWindow, Options.GlobalWindow, Options.LockDuration }.Max();
        var before = clock.GetUtcNow() - keep - TimeSpan.FromMinutes(1);
        return Db.Failures.Where(f => f.At < before).ExecuteDeleteAsync(ct);
    }
}
