using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.BuildingBlocks.Modules;
using NotifyHub.Portal.Actions;
using NotifyHub.Portal.Callbacks;
using NotifyHub.Portal.Database;
using NotifyHub.Portal.Incidents;
using NotifyHub.Portal.Notifications;
using NotifyHub.Portal.People;
using NotifyHub.Portal.Sessions;
using NotifyHub.Portal.Statements;
using NotifyHub.Portal.Status;
using NotifyHub.Portal.Throttling;
using NotifyHub.Web;

namespace NotifyHub.Portal;

/// <summary>Public status pages for affected people; keeps no personal data of its own.</summary>
public sealed class PortalModule : IModule
{
    public string Name => "portal";

    public void Register(ModuleBuilder module)
    {
        module.AddDatabase<PortalDbContext, SqlitePortalDbContext, PostgreSqlPortalDbContext>()
            .AddConsumer<IncidentOpenedConsumer>()
            .AddConsumer<IncidentClosedConsumer>()
            .AddConsumer<PortalPartiesProjectedConsumer>()
            .AddConsumer<NotificationSentConsumer, BatchConsumerDefinition<NotificationSentConsumer>>()
            .AddConsumer<NotificationDeliveredConsumer, BatchConsumerDefinition<NotificationDeliveredConsumer>>()
            .AddConsumer<NotificationFailedConsumer, BatchConsumerDefinition<NotificationFailedConsumer>>()
            .AddConsumer<LettersHandedOverConsumer, BatchConsumerDefinition<LettersHandedOverConsumer>>()
            .AddConsumer<CallbackRequestedConsumer>();

        var services = module.Services;
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OpenIncidents>();
        services.AddScoped<RequestPortalDb>();
        services.AddScoped<PortalThrottle>();
        services.AddSingleton<ClientKeyGate>();
        services.AddSingleton<PortalReadContexts>();
        services.AddSingleton<SessionWriter>();
        services.AddSingleton<IncidentTexts>();
        services.AddScoped<PortalSessions>();
        services.AddScoped<StatusView>();
        services.AddScoped<StatusCheck>();
        services.AddScoped<PersonActions>();
        services.AddScoped<CallbackCodeCheck>();
        services.AddScoped<SetStatement>();
        services.AddHostedService<PortalSweeper>();
        services.AddModulePages(typeof(PortalModule).Assembly);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapPortalApiV1();
}
