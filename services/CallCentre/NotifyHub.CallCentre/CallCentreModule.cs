using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.BuildingBlocks.Modules;
using NotifyHub.CallCentre.Assignments;
using NotifyHub.CallCentre.Callbacks;
using NotifyHub.CallCentre.Cases;
using NotifyHub.CallCentre.Database;
using NotifyHub.CallCentre.Notifications;
using NotifyHub.CallCentre.Queue;
using NotifyHub.CallCentre.Retention;
using NotifyHub.CallCentre.Scripts;
using NotifyHub.CallCentre.Support;
using NotifyHub.CallCentre.Vendors;
using NotifyHub.CallCentre.Verification;
using NotifyHub.Web;

namespace NotifyHub.CallCentre;

/// <summary>Cases, notes, callbacks and agent activity; reads people only through the metered key service.</summary>
public sealed class CallCentreModule : IModule
{
    public string Name => "callcentre";

    public void Register(ModuleBuilder module)
    {
        // Not AddDatabase: the call centre's contexts are pooled. Hundreds of agents each make four short requests a
        // loop, and building a context's options per request showed in the profile (issue 13).
        module.Services.AddModuleDbContext<CallCentreDbContext, SqliteCallCentreDbContext, PostgreSqlCallCentreDbContext>(
            module.Configuration, Name, pooled: true);
        module.Services.AddOutbox<CallCentreDbContext>();
        module.AddConsumer<VendorRegisteredConsumer>()
            .AddConsumer<VendorRevokedConsumer>()
            .AddConsumer<IncidentOpenedConsumer>()
            .AddConsumer<IncidentClosedConsumer>()
            .AddConsumer<CallCentrePartiesProjectedConsumer>()
            .AddConsumer<NotificationSentConsumer, BatchConsumerDefinition<NotificationSentConsumer>>()
            .AddConsumer<NotificationDeliveredConsumer, BatchConsumerDefinition<NotificationDeliveredConsumer>>()
            .AddConsumer<NotificationFailedConsumer, BatchConsumerDefinition<NotificationFailedConsumer>>()
            .AddConsumer<LettersHandedOverConsumer, BatchConsumerDefinition<LettersHandedOverConsumer>>()
            .AddConsumer<PortalCallbackRequestedConsumer>();

        var services = module.Services;
        services.AddOptions<CallCentreOptions>().BindConfiguration(CallCentreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthorizationBuilder()
            .AddPolicy(CallCentreApi.UnblockPolicy, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        services.AddScoped<CallCentreAudit>();
        services.AddScoped<VendorAssigning>();
        services.AddScoped<CallerMatcher>();
        services.AddScoped<VerificationMeter>();
        services.AddScoped<CallerVerification>();
        services.AddScoped<ScriptLibrary>();
        services.AddScoped<CaseReader>();
        services.AddScoped<CaseActions>();
        services.AddScoped<CallbackBook>();
        services.AddScoped<EscalationList>();
        services.AddScoped<SupervisorQueue>();
        services.AddScoped<IncidentCallActivity>();
        services.AddScoped<Notifications.NoticeDayTallies>();
        services.AddScoped<RetentionPurge>();
        services.AddHostedService<RetentionSweeper>();
        services.AddModulePages(typeof(CallCentreModule).Assembly);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapIncidentCallCentreApiV1();
        endpoints.MapCallCentreApiV1();
    }
}
