using Microsoft.AspNetCore.Routing;
using NotifyHub.BuildingBlocks.Modules;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Incidents;

namespace NotifyHub.Notifications;

/// <summary>Templates, campaigns, per-person notifications, delivery state and letters.</summary>
public sealed class NotificationsModule : IModule
{
    public string Name => "notifications";

    public void Register(ModuleBuilder module) =>
        module.AddDatabase<NotificationsDbContext, SqliteNotificationsDbContext, PostgreSqlNotificationsDbContext>()
            .AddConsumer<IncidentOpenedConsumer>();

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
