using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Templates;

/// <summary><c>GET /api/v1/incidents/{id}/templates?skip&amp;take</c>: every version of every template, newest first.</summary>
public sealed record ListTemplates(Guid IncidentId, PageRequest Page) : IQuery<Paged<TemplateSummary>>;

public sealed record TemplateSummary(
    Guid Id, string Name, int Version, string Channel, string DefaultLanguage, IReadOnlyList<string> Languages,
    DateTimeOffset CreatedAt);

public sealed class ListTemplatesHandler(NotificationsDbContext db) : IQueryHandler<ListTemplates, Paged<TemplateSummary>>
{
    public async ValueTask<Paged<TemplateSummary>> Handle(ListTemplates query, CancellationToken cancellationToken)
    {
        var templates = db.Templates.AsNoTracking().Where(t => t.IncidentId == query.IncidentId);
        var total = await templates.CountAsync(cancellationToken);
        var page = await templates.OrderByDescending(t => t.Id)
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .ToListAsync(cancellationToken);
        var items = page.Select(t => new TemplateSummary(t.Id, t.Name, t.Version, t.Channel.ToCode(), t.DefaultLanguage,
            [.. t.Variants.Select(v => v.Language).Order(StringComparer.Ordinal)], t.CreatedAt)).ToList();
        return new Paged<TemplateSummary>(items, query.Page.Skip, query.Page.Take, total);
    }
}
