using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Modules;
using NotifyHub.Notifications.Campaigns;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Email;
using NotifyHub.Notifications.Incidents;
using NotifyHub.Notifications.Letters;
using NotifyHub.Notifications.Parties;
using NotifyHub.Notifications.Preferences;
using NotifyHub.Notifications.PrintHouses;
using NotifyHub.Notifications.Proofs;
using NotifyHub.Notifications.Sms;
using NotifyHub.Notifications.Templates;
using NotifyHub.Web;

namespace NotifyHub.Notifications;

/// <summary>Templates, campaigns, per-person notifications, delivery state and letters.</summary>
public sealed class NotificationsModule : IModule
{
    public string Name => "notifications";

    public void Register(ModuleBuilder module)
    {
        module.AddDatabase<NotificationsDbContext, SqliteNotificationsDbContext, PostgreSqlNotificationsDbContext>()
            .AddConsumer<IncidentOpenedConsumer>()
            .AddConsumer<AffectedPartiesListedConsumer>()
            .AddConsumer<AffectedPartiesProjectedV2Consumer>()
            .AddConsumer<AffectedPartiesProjectedConsumer>()
            .AddConsumer<EnrolCampaignPageConsumer>()
            .AddConsumer<ContactPreferencesChangedConsumer>()
            .AddConsumer<ResendRequestedConsumer>()
            .AddConsumer<DeliverNotificationsConsumer, DeliverNotificationsConsumerDefinition>()
            .AddConsumer<DeliveryFaultConsumer>();

        var services = module.Services;
        services.AddOptions<NotificationsOptions>().BindConfiguration(NotificationsOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddTemplates();
        services.AddSingleton<OutboxFileCipher>();
        services.AddModulePages(typeof(NotificationsModule).Assembly);
        services.AddEmail();
        services.AddSms();
        services.AddLetters();
        services.AddPrintHouses();
        services.AddScoped<SuppressionList>();
        services.AddScoped<ArrivingProjections>();
        services.AddCampaigns();
        services.AddSingleton<TemplateCache>();
        services.AddScoped<ChannelThrottle>();
        services.AddSingleton<QuietHours>();
        services.AddScoped<RecipientReader>();
        services.AddScoped<IntakeProjections>();
        services.AddScoped<Pages.Notices.NoticesSentByHour>();
        services.AddScoped<Tallies.NoticeTallies>();
        services.AddScoped<DeliveryOutcomes>();
        services.AddScoped<DeliveryBatch>();
        services.AddScoped<ICampaignDirections, CampaignDirections>();
        services.AddScoped<NotificationRendering>();
        services.AddScoped<IChannelDelivery, EmailDelivery>();
        services.AddScoped<IChannelDelivery, SmsDelivery>();
        services.AddScoped<LetterBatches>();
        // Registered before the bus, so its stop (waiting for running batches) comes after the bus's.
        services.AddSingleton<SendsInFlight>();
        services.AddHostedService(sp => sp.GetRequiredService<SendsInFlight>());
        services.AddSingleton<DeliveryScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryScheduler>());
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTemplatesApiV1();
        endpoints.MapProofsApiV1();
        endpoints.MapCampaignsApiV1();
        endpoints.MapPrintHousesApiV1();
        endpoints.MapTwilioWebhooks();
    }
}
