using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Platform;
using System.Linq.Expressions;

namespace NotifyHub.BuildingBlocks.Auth.Sessions;

/// <summary>
/// Opens, checks, refreshes and ends staff sessions in the platform schema. Checks are cached for
/// <see cref="StaffSessionOptions.CacheDuration"/>; ending a session evicts it from this process's cache at once.
/// </summary>
public sealed class StaffSessionStore(PlatformDbContext db, IMemoryCache cache, TimeProvider time,
    IOptions<StaffSessionOptions> options) : IStaffSessions
{
    // Recording each request's time would be a write per request; once a minute is enough for an idle timeout in hours.
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    // Ended and expired sessions are kept this long (what ended when, and why), then deleted at their owner's next sign-in.
    private static readonly TimeSpan KeepEndedFor = TimeSpan.FromDays(30);

    private StaffSessionOptions Options => options.Value;

    public async Task<OpenedSession> OpenAsync(Guid userId, Guid? vendorId, IReadOnlyList<string> roles, string kind,
        CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var sessionKey = SessionSecrets.New();
        var refreshToken = kind == StaffSessionKinds.Bearer ? SessionSecrets.New() : null;
        var session = new StaffSession
        {
            Id = Guid.CreateVersion7(now),
            KeyHash = SessionSecrets.Hash(sessionKey),
            UserId = userId,
            VendorId = vendorId,
            Roles = string.Join(' ', roles),
            Kind = kind,
            CreatedAt = now,
            LastUsedAt = now,
            ExpiresAt = Expiry(now, now),
            RefreshTokenHash = refreshToken is null ? null : SessionSecrets.Hash(refreshToken),
        };

        var cutoff = now - KeepEndedFor;
        await db.StaffSessions.Where(s => s.UserId == userId && s.ExpiresAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        db.StaffSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(session).State = EntityState.Detached;
        return new OpenedSession(session, sessionKey, refreshToken);
    }

    /// <summary>The live session a token's session key names, or null when it is unknown, ended or expired.</summary>
    public async Task<StaffSession?> FindActiveAsync(string sessionKey, CancellationToken cancellationToken = default)
    {
        var hash = SessionSecrets.Hash(sessionKey);
        var now = time.GetUtcNow();
        if (!cache.TryGetValue(CacheKey(hash), out StaffSession? session))
        {
            session = await db.StaffSessions.AsNoTracking().SingleOrDefaultAsync(s => s.KeyHash == hash, cancellationToken);
            if (IsActive(session, now) && now - session!.LastUsedAt >= TouchInterval)
            {
                await TouchAsync(session, now, cancellationToken);
            }

            // Unknown keys are cached too, so a flood of bogus tokens costs one query per key and interval.
            if (Options.CacheDuration > TimeSpan.Zero)
            {
                cache.Set(CacheKey(hash), session, Options.CacheDuration);
            }
        }

        return IsActive(session, now) ? session : null;
    }

    /// <summary>Finds the session a refresh token belongs to (tracked, for <see cref="RotateAsync"/>).</summary>
    public async Task<RefreshLookup> FindByRefreshTokenAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        var hash = SessionSecrets.Hash(refreshToken);
        var current = await db.StaffSessions.SingleOrDefaultAsync(s => s.RefreshTokenHash == hash, cancellationToken);
        if (current is not null)
        {
            return new RefreshLookup(IsActive(current, time.GetUtcNow()) ? current : null, Reused: false);
        }

        var retired = await db.RetiredRefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        return retired is null
            ? new RefreshLookup(null, Reused: false)
            : new RefreshLookup(await db.StaffSessions.AsNoTracking().SingleAsync(s => s.Id == retired.SessionId, cancellationToken), Reused: true);
    }

    /// <summary>
    /// Retires the session's refresh token and session key (so earlier access tokens stop working too) and issues
    /// new ones with the user's current roles and vendor.
    /// </summary>
    /// <returns>Null when the same refresh token was exchanged concurrently: the caller treats that as reuse.</returns>
    public async Task<OpenedSession?> RotateAsync(StaffSession session, Guid? vendorId, IReadOnlyList<string> roles,
        CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var oldKeyHash = session.KeyHash;
        var sessionKey = SessionSecrets.New();
        var refreshToken = SessionSecrets.New();
        db.RetiredRefreshTokens.Add(new RetiredRefreshToken { Hash = session.RefreshTokenHash!, SessionId = session.Id, RetiredAt = now });
        session.KeyHash = SessionSecrets.Hash(sessionKey);
        session.RefreshTokenHash = SessionSecrets.Hash(refreshToken);
        session.RefreshCount++;
        session.VendorId = vendorId;
        session.Roles = string.Join(' ', roles);
        session.LastUsedAt = now;
        session.ExpiresAt = Expiry(session.CreatedAt, now);
        try
        {
            // The refresh token hash is a concurrency token: of two exchanges of one token, only one commits.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return null;
        }

        db.ChangeTracker.Clear();
        cache.Remove(CacheKey(oldKeyHash));
        return new OpenedSession(session, sessionKey, refreshToken);
    }

    public Task<int> RevokeAsync(Guid sessionId, string reason, CancellationToken cancellationToken = default) =>
        RevokeWhereAsync(s => s.Id == sessionId, reason, cancellationToken);

    /// <returns>How many live sessions ended.</returns>
    public Task<int> RevokeAllOfUserAsync(Guid userId, string reason, CancellationToken cancellationToken = default) =>
        RevokeWhereAsync(s => s.UserId == userId, reason, cancellationToken);

    Task IStaffSessions.RevokeAllAsync(Guid userId, string reason, CancellationToken cancellationToken) =>
        RevokeAllOfUserAsync(userId, reason, cancellationToken);

    private async Task<int> RevokeWhereAsync(Expression<Func<StaffSession, bool>> filter, string reason,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();

        // A set-based update: it ignores the refresh token's concurrency check, so a refresh racing it cannot undo it.
        var ended = await db.StaffSessions.Where(filter).Where(s => s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now).SetProperty(s => s.RevokedReason, reason), cancellationToken);

        // Every key of these sessions, read after the update, so one rotated meanwhile is evicted as well.
        foreach (var keyHash in await db.StaffSessions.Where(filter).Select(s => s.KeyHash).ToListAsync(cancellationToken))
        {
            cache.Remove(CacheKey(keyHash));
        }

        return ended;
    }

    private async Task TouchAsync(StaffSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expires = Expiry(session.CreatedAt, now);
        await db.StaffSessions.Where(s => s.Id == session.Id && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastUsedAt, now).SetProperty(s => s.ExpiresAt, expires), cancellationToken);
        session.LastUsedAt = now;
        session.ExpiresAt = expires;
    }

    private DateTimeOffset Expiry(DateTimeOffset createdAt, DateTimeOffset now)
    {
        var idle = now + Options.IdleTimeout;
        var max = createdAt + Options.MaxLifetime;
        return idle < max ? idle : max;
    }

    private static bool IsActive(StaffSession? session, DateTimeOffset now) =>
        session is { RevokedAt: null } && session.ExpiresAt > now;

    private static string CacheKey(byte[] keyHash) => "notifyhub:staff-session:" + Convert.ToHexString(keyHash);
}
