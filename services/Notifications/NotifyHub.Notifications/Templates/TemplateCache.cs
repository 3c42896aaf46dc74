using Microsoft.EntityFrameworkCore;
using NotifyHub.Notifications.Database;
using System.Collections.Concurrent;

namespace NotifyHub.Notifications.Templates;

/// <summary>
/// Template versions and incident facts for sending, read once per process: a version never changes (a new POST
/// makes a new version), so a campaign of a million people reads its one template once, not a million times.
/// </summary>
public sealed class TemplateCache
{
    private readonly ConcurrentDictionary<Guid, Template> _templates = new();
    private readonly ConcurrentDictionary<Guid, IncidentFacts> _incidents = new();

    public async Task<Template> TemplateAsync(NotificationsDbContext db, Guid id, CancellationToken ct) =>
        _templates.TryGetValue(id, out var template)
            ? template
            : _templates.GetOrAdd(id, await db.Templates.AsNoTracking().FirstAsync(t => t.Id == id, ct));

    public async Task<IncidentFacts> IncidentAsync(NotificationsDbContext db, Guid id, CancellationToken ct) =>
        _incidents.TryGetValue(id, out var facts)
            ? facts
            : _incidents.GetOrAdd(id, (await db.Incidents.AsNoTracking().FirstAsync(i => i.Id == id, ct)).Facts());
}
