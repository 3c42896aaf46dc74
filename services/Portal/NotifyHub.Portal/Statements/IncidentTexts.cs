using Microsoft.EntityFrameworkCore;
using NotifyHub.Portal.Database;
using System.Collections.Concurrent;

namespace NotifyHub.Portal.Statements;

/// <summary>An incident's public title and summary and its statements in every language: the same for all its people.</summary>
public sealed record PublicIncidentText(string Title, string Summary, IReadOnlyList<IncidentStatement> Statements);

/// <summary>
/// The public text every status page of an incident shows, cached briefly per instance: it is public, changes a few
/// times in an incident's life and is the same for thousands of checks, so reading it per check (two queries) was
/// waste. A statement saved on this instance shows at once (<see cref="Invalidate"/>); one saved on another instance
/// within <see cref="Lifetime"/>.
/// </summary>
public sealed class IncidentTexts(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<Guid, Entry> _texts = new();
    private long _version;

    /// <summary>The incident's text; the request's context is only made when the cache has none.</summary>
    public async Task<PublicIncidentText> GetAsync(RequestPortalDb request, Guid incidentId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_texts.TryGetValue(incidentId, out var cached) && cached.Until > now)
        {
            return cached.Text;
        }

        var db = request.Context;

        // Read the version first: an invalidation during the read leaves this (maybe stale) text uncached.
        var version = Interlocked.Read(ref _version);
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId)
            .Select(i => new { i.Title, i.Summary }).FirstAsync(ct);
        var statements = await db.Statements.AsNoTracking().Where(s => s.IncidentId == incidentId).ToListAsync(ct);
        var text = new PublicIncidentText(incident.Title, incident.Summary, statements);
        if (Interlocked.Read(ref _version) == version)
        {
            _texts[incidentId] = new Entry(text, now + Lifetime);
        }

        return text;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _texts.Clear();
    }

    private sealed record Entry(PublicIncidentText Text, DateTimeOffset Until);
}
