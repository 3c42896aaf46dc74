using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Templates;

namespace NotifyHub.Notifications.Delivery;

/// <summary>Renders one notification for its recipient from the cached template and incident facts.</summary>
public sealed class NotificationRendering(NotificationsDbContext db, TemplateCache cache, TemplateRenderer renderer, DeliveryOutcomes outcomes)
{
    /// <summary>Null when the template breaks its limits: that person's notice fails, the campaign goes on.</summary>
    public async Task<RenderedMessage?> RenderAsync(Notification notification, RecipientDetails recipient, CancellationToken ct)
    {
        var template = await cache.TemplateAsync(db, notification.TemplateId, ct);
        try
        {
            return renderer.Render(template, recipient.Recipient, await cache.IncidentAsync(db, notification.IncidentId, ct));
        }
        catch (TemplateLimitException)
        {
            // Created before the limits existed or under looser ones.
            await outcomes.FailBeforeSendingAsync(notification.Id, TemplateLimitException.CodeValue, ct);
            return null;
        }
    }
}
